using System.Text.Json;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>One affiliate-network template as the catalogue ships it.</summary>
public sealed record NetworkTemplate(string Name, string DisplayName, string OfferParameters, string PostbackUrl)
{
    /// <summary>The catalogue shipped with the tests (<see cref="Infrastructure.TestData"/>); a missing file fails loudly.</summary>
    public static IReadOnlyList<NetworkTemplate> LoadAll()
    {
        var path = Infrastructure.TestData.NetworkTemplatesPath;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => new NetworkTemplate(
            e.GetProperty("name").GetString()!,
            e.GetProperty("display_name").GetString() ?? "",
            e.TryGetProperty("offer_params_template", out var o) ? o.GetString() ?? "" : "",
            e.TryGetProperty("postback_url_template", out var p) ? p.GetString() ?? "" : "")).ToList();
    }
}
