using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin;
using ComplaintPortal.Web.Features.Cases.EvidenceFiles;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// The hostile-input corpus at the services behind the administrators' interactive forms (accounts and
/// categories) and the evidence upload, inside the running portal: never an exception other than a refusal
/// that names the field; either the value kept whole or nothing stored.
/// </summary>
public sealed class HostileFormDoorTests : IClassFixture<HostileInputTests.App>
{
    private readonly HostileInputTests.App app;

    public HostileFormDoorTests(HostileInputTests.App app) => this.app = app;

    [Fact]
    public async Task New_account_keeps_or_refuses_by_name_every_corpus_value_and_stores_nothing_when_refused()
    {
        var failures = new List<string>();
        var n = 0;
        foreach (var field in new[] { "UserName", "DisplayName", "Email" })
        {
            foreach (var (name, value) in HostileCorpus.Texts)
            {
                var userName = $"corpus{n++}";
                var input = new NewUser
                {
                    UserName = field == "UserName" ? value : userName,
                    DisplayName = field == "DisplayName" ? value : "语料 测试",
                    Email = field == "Email" ? value : null,
                    Password = "Portal#2026-corpus",
                    Roles = [PortalRoles.ArchiveClerk],
                };
                Microsoft.AspNetCore.Identity.IdentityResult result;
                try
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(input);
                }
                catch (Exception ex)
                {
                    failures.Add($"{field} = {name}: {ex.GetType().Name} {ex.Message[..Math.Min(80, ex.Message.Length)]}");
                    continue;
                }

                var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == input.UserName.Trim()).ToListAsync());
                if (result.Succeeded)
                {
                    var kept = field switch { "UserName" => stored.Single().UserName, "DisplayName" => stored.Single().DisplayName, _ => stored.Single().Email };
                    if (kept != (string.IsNullOrWhiteSpace(value) ? kept : value.Trim()))
                    {
                        failures.Add($"{field} = {name}: stored something else");
                    }
                }
                else if (stored.Count != 0 || !result.Errors.Any(e => e.Code.Contains(field, StringComparison.OrdinalIgnoreCase)
                    || e.Code.Contains(field == "Email" ? "Email" : field, StringComparison.OrdinalIgnoreCase)))
                {
                    failures.Add($"{field} = {name}: {string.Join(",", result.Errors.Select(e => e.Code))} stored {stored.Count}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Category_keeps_or_refuses_by_name_every_corpus_value_in_code_and_names()
    {
        var failures = new List<string>();
        var n = 0;
        foreach (var field in new[] { CategoryAdministration.Fields.Code, CategoryAdministration.Fields.NameZhHans, CategoryAdministration.Fields.NameEn })
        {
            foreach (var (name, value) in HostileCorpus.Texts)
            {
                var code = field == CategoryAdministration.Fields.Code ? value : $"CORPUS{n++}";
                var before = await app.WithDbAsync(db => db.Categories.CountAsync());
                try
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<CategoryAdministration>().AddAsync(code, null,
                        field == CategoryAdministration.Fields.NameZhHans ? value : "语料", "語料", field == CategoryAdministration.Fields.NameEn ? value : "Corpus");
                }
                catch (InputRefusedException refused) when (refused.Errors.Any(e => e.Field == field))
                {
                    if (await app.WithDbAsync(db => db.Categories.CountAsync()) != before)
                    {
                        failures.Add($"{field} = {name}: refused but stored");
                    }
                }
                catch (Exception ex)
                {
                    failures.Add($"{field} = {name}: {ex.GetType().Name} {ex.Message[..Math.Min(80, ex.Message.Length)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public static TheoryData<string, long, long> UploadNames() => new()
    {
        { "../../../../etc/passwd.jpg", 10, 10 },
        { "..\\..\\windows\\system32\\evil.pdf", 10, 10 },
        { "/etc/cron.d/evil.png", 10, 10 },
        { "photo\u202Egpj.exe", 10, 10 },
        { "invoice.pdf.exe", 10, 10 },
        { "shell.php", 10, 10 },
        { "a\0b.jpg", 10, 10 },
        { new string('x', 500) + ".jpg", 10, 10 },
        { "huge.jpg", EvidencePolicy.MaxSizeBytes + 1, 10 },
        { "lies-about-its-size.jpg", 10, EvidencePolicy.MaxSizeBytes + 1 },
        { "empty.jpg", 0, 0 },
    };

    /// <summary>The upload as the evidence picker stages it: a refusal, or a plain file name inside the store and nothing outside it.</summary>
    [Theory]
    [MemberData(nameof(UploadNames))]
    public async Task Staged_upload_is_refused_or_kept_under_a_plain_name_inside_the_store(string fileName, long announced, long actual)
    {
        var root = Path.Combine(app.Database.Folder, "staging-" + Guid.NewGuid().ToString("N"));
        var store = new EvidenceStore(Path.Combine(root, "evidence"));

        var (file, refusal) = await EvidenceStaging.StageAsync(new PickedFile(fileName, announced, actual), store, _ => { });

        if (file is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(refusal));
            Assert.Empty(Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : []);
            return;
        }

        Assert.Equal(Path.GetFileName(file.FileName), file.FileName);
        Assert.DoesNotContain('\\', file.FileName);
        Assert.True(TextRules.IsClean(file.FileName, TextShape.SingleLine) && file.FileName.Length <= Evidence.FileNameMaxLength, file.FileName);
        Assert.Equal(EvidencePolicy.ContentTypeFor(file.FileName, file.SizeBytes), file.ContentType);
        Assert.Equal([Path.Combine(store.RootPath, file.StoredName)], Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    /// <summary>A browser file that announces one size and may send another.</summary>
    private sealed class PickedFile(string name, long announced, long actual) : IBrowserFile
    {
        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => announced;

        public string ContentType => "image/jpeg";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            actual > maxAllowedSize ? new LimitedStream(actual, maxAllowedSize) : new MemoryStream(new byte[actual]);

        /// <summary>Throws past the limit, as the framework's browser stream does.</summary>
        private sealed class LimitedStream(long length, long limit) : Stream
        {
            private long position;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => length;

            public override long Position { get => position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (position >= limit)
                {
                    throw new IOException("Supplied file with size exceeds the maximum allowed.");
                }

                var n = (int)Math.Min(count, length - position);
                position += n;
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
