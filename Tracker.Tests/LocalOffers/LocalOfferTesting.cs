using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Data;

namespace Tracker.Tests.LocalOffers;

/// <summary>Shared steps of the local-offer integration tests: an offer in the database, uploads, what is on disk.</summary>
internal static class LocalOfferTesting
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Offer> CreateOfferAsync(this TrackerApplication app, string name = "Landing offer")
    {
        var contexts = app.Service<IDbContextFactory<TrackerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var offer = new Offer { Name = name, Url = "https://network.example/offer?s={subid}", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Offers.Add(offer);
        await db.SaveChangesAsync(Ct);
        return offer;
    }

    public static async Task<Offer> ReadOfferAsync(this TrackerApplication app, int id)
    {
        var contexts = app.Service<IDbContextFactory<TrackerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Ct);
        return await db.Offers.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    public static MultipartFormDataContent ArchiveForm(byte[] zip, string fileName = "landing.zip", int? version = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", fileName);
        if (version is not null) form.Add(new StringContent(version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version");
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient api, int offerId, byte[] zip, string fileName = "landing.zip", int? version = null) =>
        api.PostAsync($"/api/v1/offers/{offerId}/archive", ArchiveForm(zip, fileName, version), Ct);

    /// <summary>Uploads and returns the response body, failing the test with the server's message if refused.</summary>
    public static async Task<JsonElement> UploadOkAsync(this HttpClient api, int offerId, byte[] zip, string fileName = "landing.zip")
    {
        var response = await api.UploadAsync(offerId, zip, fileName);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>The validation messages for <paramref name="field"/> in a 400 problem response.</summary>
    public static async Task<string[]> ProblemsAsync(this HttpResponseMessage response, string field = "file")
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>
    /// Every file under the data directory except the database, logs and keys, which change on their own:
    /// what a refused upload must leave exactly as it was.
    /// </summary>
    public static SortedSet<string> FilesOnDisk(this TrackerApplication app) =>
        new(Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(app.DataDirectory, f))
            .Where(f => !f.StartsWith("tracker.db", StringComparison.Ordinal) && !f.StartsWith("logs", StringComparison.Ordinal)
                        && !f.StartsWith("keys", StringComparison.Ordinal) && !f.StartsWith("backups", StringComparison.Ordinal)),
            StringComparer.Ordinal);
}
