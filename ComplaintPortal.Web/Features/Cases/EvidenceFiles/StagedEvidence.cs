using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using Microsoft.AspNetCore.Components.Forms;

namespace ComplaintPortal.Web.Features.Cases.EvidenceFiles;

/// <summary>A file the person picked, already checked and copied into the evidence store, waiting to be attached.</summary>
public sealed record StagedEvidence(string FileName, string ContentType, long SizeBytes, string StoredName, string Sha256)
{
    public NewEvidence ToNewEvidence() => new(FileName, ContentType, SizeBytes, StoredName, Sha256);
}

/// <summary>
/// Copies a picked browser file into the <see cref="EvidenceStore"/> as it arrives over the circuit,
/// after the same check the workflow relies on (<see cref="EvidencePolicy"/>), reporting progress.
/// </summary>
public static class EvidenceStaging
{
    /// <returns>The staged file, or the reason it was refused (localized).</returns>
    public static async Task<(StagedEvidence? File, string? Refusal)> StageAsync(IBrowserFile file, EvidenceStore store,
        Action<double> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(store);
        var name = EvidencePolicy.PlainName(file.Name);
        if (EvidenceText.Refusal(name, file.Size) is { } refusal)
        {
            return (null, refusal);
        }

        (string StoredName, string Sha256, long Size) saved;
        try
        {
            await using var source = new ProgressStream(file.OpenReadStream(EvidencePolicy.MaxSizeBytes, cancellationToken), file.Size, progress);
            saved = await store.SaveAsync(source, cancellationToken);
        }
        catch (IOException)
        {
            // The browser sent more than the limit (whatever size it announced): the store kept nothing.
            return (null, EvidenceText.Refusal(name, EvidencePolicy.MaxSizeBytes + 1));
        }

        // The size the browser announced is checked again on what really arrived.
        var type = EvidencePolicy.ContentTypeFor(name, saved.Size);
        if (type is null)
        {
            store.Discard(saved.StoredName);
            return (null, EvidenceText.Refusal(name, saved.Size) ?? EvidenceText.Refusal(name, 0));
        }

        return (new StagedEvidence(name, type, saved.Size, saved.StoredName, saved.Sha256), null);
    }

    /// <summary>A read-only stream that reports the share of <c>length</c> read so far.</summary>
    private sealed class ProgressStream(Stream inner, long length, Action<double> progress) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int n)
        {
            read += n;
            progress(length <= 0 ? 1 : Math.Min(1, (double)read / length));
            return n;
        }
    }
}
