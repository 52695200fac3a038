using System.Globalization;
using System.Net;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Features.Validation;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// Bad input gets a clear answer in the reader's language, never a 500 or a misleading one: a form that
/// breaks a size limit is read here, before antiforgery (which would otherwise report the unreadable
/// form as a missing token), and answered 413/400 naming the limit; a value the domain's store guard
/// refused (<see cref="InputRefusedException"/>) is answered 400 naming the field.
/// </summary>
internal static class BadRequestResponses
{
    public static IApplicationBuilder UseBadRequestResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException ex)
            {
                var (status, message) = Describe(ex, context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value);
                await WriteAsync(context, status, message, null);
                return;
            }
            catch (BadHttpRequestException ex)
            {
                await WriteAsync(context, ex.StatusCode, Describe(ex, context), null);
                return;
            }
        }

        try
        {
            await next(context);
        }
        catch (InputRefusedException ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, InputText.Problem_Title,
                ex.Errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(InputMessages.Describe).ToArray()));
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ex.StatusCode, Describe(ex, context), null);
        }
    });

    private static (int Status, string Message) Describe(InvalidDataException ex, FormOptions limits)
    {
        var text = ex.Message;
        if (text.Contains("value length", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status413PayloadTooLarge, Format(InputText.Request_FormValueTooLong, limits.ValueLengthLimit.ToString("N0", CultureInfo.CurrentCulture)));
        }

        if (text.Contains("Multipart body length", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status413PayloadTooLarge, Format(InputText.Request_TooLarge, Size(limits.MultipartBodyLengthLimit)));
        }

        if (text.Contains("count", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status400BadRequest, Format(InputText.Request_FormTooManyValues, limits.ValueCountLimit.ToString("N0", CultureInfo.CurrentCulture)));
        }

        if (text.Contains("key length", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status400BadRequest, Format(InputText.Request_FormKeyTooLong, limits.KeyLengthLimit.ToString("N0", CultureInfo.CurrentCulture)));
        }

        return (StatusCodes.Status400BadRequest, InputText.Request_UnreadableForm);
    }

    private static string Describe(BadHttpRequestException ex, HttpContext context) =>
        ex.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Format(InputText.Request_TooLarge, context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max ? Size(max) : "")
            : InputText.Request_UnreadableForm;

    private static string Format(string template, string value) => string.Format(CultureInfo.CurrentCulture, template, value);

    public static string Size(long bytes) => bytes % (1024 * 1024) == 0
        ? (bytes / (1024 * 1024)).ToString("N0", CultureInfo.CurrentCulture) + " MB"
        : (bytes / 1024).ToString("N0", CultureInfo.CurrentCulture) + " KB";

    /// <summary>People browsing get a short page in their language; programs get a problem document.</summary>
    private static async Task WriteAsync(HttpContext context, int status, string message, Dictionary<string, string[]>? fields)
    {
        context.Response.Clear();
        context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        var wantsHtml = context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (!wantsHtml)
        {
            var result = fields is null
                ? TypedResults.Problem(statusCode: status, title: InputText.Problem_Title, detail: message)
                : (IResult)TypedResults.ValidationProblem(fields, title: message);
            if (fields is not null)
            {
                context.Response.StatusCode = status;
            }

            await result.ExecuteAsync(context);
            return;
        }

        var lines = fields is null ? [message] : fields.Values.SelectMany(v => v).Prepend(message);
        var back = AccountRoutes.SafeReturnUrl(Uri.TryCreate(context.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) ? referer.PathAndQuery : null);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"{WebUtility.HtmlEncode(CultureInfo.CurrentUICulture.Name)}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(InputText.Problem_Title)}</title></head>"
            + $"<body><main data-test=\"bad-request\">{string.Concat(lines.Select(l => "<p>" + WebUtility.HtmlEncode(l) + "</p>"))}"
            + $"<p><a href=\"{WebUtility.HtmlEncode(back)}\">{WebUtility.HtmlEncode(InputText.Request_BackLink)}</a></p></main></body></html>");
    }
}
