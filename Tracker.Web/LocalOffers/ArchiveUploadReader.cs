using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Tracker.Core.Offers.LocalOffers;
using Tracker.Core.Validation;

namespace Tracker.Web.LocalOffers;

/// <summary>
/// Streams a multipart upload's <c>file</c> part straight to disk, counting bytes, so an oversized upload
/// is stopped at the limit instead of being buffered first. The optional <c>version</c> field carries the
/// offer version the uploader saw.
/// </summary>
public static class ArchiveUploadReader
{
    public const string FileField = "file";
    public const string VersionField = "version";

    /// <summary>Room for multipart boundaries, headers and the version field around the zip.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static async Task<(ReceivedArchive? Archive, ValidationErrors Errors)> ReceiveAsync(
        HttpRequest request, string destination, long maxBytes, CancellationToken ct)
    {
        var tooLarge = ValidationErrors.Single(FileField,
            $"The archive is larger than {ExtractionBudget.Format(maxBytes)}, the limit (Tracker:LocalOffers:MaxArchiveBytes).");
        if (request.ContentLength > maxBytes + EnvelopeBytes) return (null, tooLarge);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Length == 0)
            return (null, ValidationErrors.Single(FileField, $"Send the zip as multipart/form-data in a field named '{FileField}'."));

        // Kestrel's default body limit (about 28 MB) is below the archive limit; this endpoint sets its own.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + EnvelopeBytes;

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).ToString(), request.Body);
        string? fileName = null;
        int? version = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                if (name == FileField && disposition.IsFileDisposition())
                {
                    if (fileName is not null)
                        return (null, ValidationErrors.Single(FileField, "Send exactly one archive per upload."));
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                    if (!await CopyLimitedAsync(section.Body, destination, maxBytes, ct)) return (null, tooLarge);
                }
                else if (name == VersionField)
                {
                    using var text = new StreamReader(section.Body);
                    var value = (await ReadShortAsync(text, ct)).Trim();
                    if (value.Length > 0)
                    {
                        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
                            return (null, ValidationErrors.Single(VersionField, "The version must be a whole number (the offer's current version)."));
                        version = v;
                    }
                }
            }
        }
        catch (InvalidDataException ex)
        {
            return (null, ValidationErrors.Single(FileField, $"The upload could not be read as multipart/form-data: {ex.Message}"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }

        if (fileName is null)
            return (null, ValidationErrors.Single(FileField, $"No archive received: send the zip in a field named '{FileField}'."));
        return (new ReceivedArchive(fileName, version), new ValidationErrors());
    }

    private static async Task<bool> CopyLimitedAsync(Stream body, string destination, long maxBytes, CancellationToken ct)
    {
        await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes) return false;
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return true;
    }

    private static async Task<string> ReadShortAsync(StreamReader reader, CancellationToken ct)
    {
        var buffer = new char[32];
        var read = await reader.ReadBlockAsync(buffer, ct);
        return new string(buffer, 0, read);
    }
}
