using System.Globalization;
using System.Text.Json;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// Reads a JSON request body so that every bad body answers 400/413/415 with a problem document naming
/// the field (or line and position), in the caller's language: never an exception page or an empty body.
/// </summary>
internal static class IntakeApiBody
{
    /// <summary>A registration record is a few kilobytes; far more is not a registration record.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The record nests three levels; anything deeper than this is refused before it is parsed.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = MaxDepth + 1 };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: InputText.Problem_Title, detail: InputText.Json_ContentType));
        }

        var bytes = await ReadLimitedAsync(request.Body, ct);
        if (bytes is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: InputText.Problem_Title,
                detail: string.Format(CultureInfo.CurrentCulture, InputText.Request_TooLarge, "1 MB")));
        }

        if (bytes.Length == 0)
        {
            return (null, Problem("$", InputText.Json_BodyRequired));
        }

        if (CheckShape(bytes) is { } shapeProblem)
        {
            return (null, shapeProblem);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Options);
            return value is null ? (null, Problem("$", InputText.Json_BodyRequired)) : (value, null);
        }
        catch (JsonException ex)
        {
            // A value of the wrong type: the path names the field, e.g. $.complainant.name.
            return (null, Problem(ex.Path, Malformed(ex)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // Text that is not UTF-8 inside a string value.
            return (null, Problem("$", InputText.Json_NotUtf8));
        }
    }

    /// <summary>Syntax and depth, checked by walking the tokens once before anything is bound.</summary>
    private static IResult? CheckShape(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth > MaxDepth)
                {
                    return Problem("$", string.Format(CultureInfo.CurrentCulture, InputText.Json_TooDeep, MaxDepth));
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return Problem("$", Malformed(ex));
        }
    }

    private static string Malformed(JsonException ex) => string.Format(CultureInfo.CurrentCulture, InputText.Json_Malformed,
        (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);

    private static IResult Problem(string? path, string message)
    {
        var field = string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return IntakeApi.ValidationProblem(new() { [field] = [message] });
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
