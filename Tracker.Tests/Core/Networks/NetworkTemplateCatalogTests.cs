using System.Text.Json;
using Tracker.Core.Networks;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Networks;

public sealed class NetworkTemplateCatalogTests
{
    // Tracker's postback parameters as API.md names them; anything else in a template would be ignored.
    private static readonly HashSet<string> PostbackNames = new(StringComparer.Ordinal)
    {
        "subid", "clickid", "click_id", "cid", "sub_id", "status", "payout", "revenue", "currency", "tid",
        "lead_status", "sale_status", "rejected_status", "ignore_status", "from", "return",
        "sub_id_1", "sub_id_2", "sub_id_3", "sub_id_4", "sub_id_5", "sub_id_6", "sub_id_7", "sub_id_8",
        "sub_id_9", "sub_id_10", "sub_id_11", "sub_id_12", "sub_id_13", "sub_id_14", "sub_id_15",
    };

    [Fact]
    public void CatalogueHoldsAtLeastThirtyNetworksWithUniqueKeysAndNames()
    {
        Assert.True(NetworkTemplateCatalog.All.Count >= 30, $"only {NetworkTemplateCatalog.All.Count} templates");
        Assert.Equal(NetworkTemplateCatalog.All.Count, NetworkTemplateCatalog.All.Select(t => t.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(NetworkTemplateCatalog.All.Count, NetworkTemplateCatalog.All.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(NetworkTemplateCatalog.All, t => Assert.Matches("^[a-z0-9]+$", t.Key));
    }

    [Fact]
    public void EveryTemplateSendsTheSubidToTheNetworkAndPassesTheOfferParameterRules()
    {
        Assert.All(NetworkTemplateCatalog.All, t =>
        {
            Assert.True(UrlRules.CarriesSubId(t.OfferParameters), $"{t.Name}: offer parameters lack {{subid}}");
            Assert.Null(UrlRules.CheckOfferParameters(t.OfferParameters));
        });
    }

    [Fact]
    public void EveryTemplateMakesAValidNetwork()
    {
        Assert.All(NetworkTemplateCatalog.All, t =>
        {
            var network = t.ToNetwork();
            var errors = NetworkValidator.Validate(network);
            Assert.True(errors.IsValid, $"{t.Name}: {string.Join("; ", errors.ToDictionary().SelectMany(kv => kv.Value))}");
            Assert.Equal(t.Key, network.TemplateKey);
            Assert.False(string.IsNullOrWhiteSpace(network.Notes));
        });
    }

    [Fact]
    public void EveryPostbackTemplateUsesOnlyParametersTrackerUnderstandsAndReturnsTheSubid()
    {
        Assert.All(NetworkTemplateCatalog.All, t =>
        {
            Assert.DoesNotContain(' ', t.PostbackParameters);
            var pairs = t.PostbackParameters.Split('&').Select(p => p.Split('=', 2)).ToList();
            Assert.All(pairs, p =>
            {
                Assert.True(p.Length == 2 && p[1].Length > 0, $"{t.Name}: '{string.Join('=', p)}' is not name=value");
                Assert.True(PostbackNames.Contains(p[0]), $"{t.Name}: Tracker does not understand postback parameter '{p[0]}'");
            });
            Assert.Single(pairs, p => p[0] == "subid");
            var from = Assert.Single(pairs, p => p[0] == "from");
            Assert.Equal(Uri.EscapeDataString(t.Name), from[1]);
        });
    }

    [Fact]
    public void PathStyleAndQueryStyleTemplatesAreBothPresent()
    {
        Assert.Contains(NetworkTemplateCatalog.All, t => t.OfferParameters.StartsWith('/'));
        Assert.Contains(NetworkTemplateCatalog.All, t => t.OfferParameters.StartsWith('&'));
    }

    [Theory]
    [InlineData("maxbounty", "MaxBounty")]
    [InlineData("CAKE", "CAKE")]
    [InlineData("aff_sub", "HasOffers")]
    [InlineData("numeric statuses 5 hold", "Affise")]
    public void SearchFindsTemplatesByNameKeyParameterOrDescription(string search, string expectedName)
    {
        Assert.Contains(NetworkTemplateCatalog.Search(search), t => t.Name == expectedName);
    }

    [Fact]
    public void SearchWithNoWordsListsEverythingAlphabeticallyAndUnknownWordsListNothing()
    {
        var all = NetworkTemplateCatalog.Search("  ");
        Assert.Equal(NetworkTemplateCatalog.All.Count, all.Count);
        Assert.Equal(all.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase), all.Select(t => t.Name));
        Assert.Empty(NetworkTemplateCatalog.Search("no-such-network-anywhere"));
    }

    [Fact]
    public void FindIsCaseInsensitiveAndNullForUnknownKeys()
    {
        Assert.Equal("Everflow", NetworkTemplateCatalog.Find("EVERFLOW")?.Name);
        Assert.Null(NetworkTemplateCatalog.Find("nope"));
        Assert.Null(NetworkTemplateCatalog.Find(null));
    }

    // Fact check against a collection of real network templates: where both know a network, the
    // catalogue must send the subid in the same parameter and read it back from the same macro.
    [Theory]
    [InlineData("affise", "affise_com")]
    [InlineData("cake", "cake")]
    [InlineData("maxbounty", "maxbounty_com")]
    [InlineData("clickdealer", "clickdealer")]
    [InlineData("admitad", "admitad")]
    [InlineData("mylead", "mylead_global")]
    [InlineData("terraleads", "terraleads")]
    [InlineData("kma", "kma_biz")]
    [InlineData("everad", "everad_com")]
    [InlineData("impact", "impact_com")]
    [InlineData("scaleo", "scaleo_io")]
    [InlineData("alanbase", "alanbase_com")]
    [InlineData("tune", "tune")]
    [InlineData("keitaro", "keitaro")]
    [InlineData("actionpay", "actionpay")]
    [InlineData("gagarin", "gagarin_partners")]
    [InlineData("3snet", "3snet_co")]
    [InlineData("leadstech", "leads_tech")]
    public void TemplateAgreesWithTheRealNetworkTemplate(string key, string realName)
    {
        var template = NetworkTemplateCatalog.Find(key)!;
        var real = RealTemplates.Value.Single(r => r.GetProperty("name").GetString() == realName);
        var realOffer = real.GetProperty("offer_params_template").GetString()!;
        var realPostback = real.GetProperty("postback_url_template").GetString()!;

        // The first parameter that carries {subid} is the one the network reads.
        Assert.Equal(SubidCarrier(realOffer), SubidCarrier(template.OfferParameters));
        Assert.Equal(QueryValue(realPostback, "subid"), QueryValue(template.PostbackParameters, "subid"));
    }

    [Fact]
    public void EveryRealNetworkTemplatePassesTheOfferParameterRulesAndTheSubidCheckFlagsTheOnesWithout()
    {
        var withoutSubid = new List<string>();
        foreach (var real in RealTemplates.Value)
        {
            var parameters = real.GetProperty("offer_params_template").GetString();
            Assert.Null(UrlRules.CheckOfferParameters(parameters));
            if (!UrlRules.CarriesSubId(parameters)) withoutSubid.Add(real.GetProperty("name").GetString()!);
        }
        // A handful of real templates forget {subid}; the network form warns about exactly those.
        Assert.NotEmpty(withoutSubid);
        Assert.True(withoutSubid.Count < 10, string.Join(", ", withoutSubid));
    }

    private static string SubidCarrier(string offerParameters)
    {
        var part = offerParameters.Split('&', '?').First(p => p.Contains("{subid}", StringComparison.Ordinal));
        return part.StartsWith('/') ? "/" : part.Split('=')[0];
    }

    private static string? QueryValue(string urlOrQuery, string name)
    {
        var query = urlOrQuery.Contains('?', StringComparison.Ordinal) ? urlOrQuery[(urlOrQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : urlOrQuery;
        return query.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == name)?[1];
    }

    private static readonly Lazy<List<JsonElement>> RealTemplates = new(() =>
    {
        var path = Tracker.Tests.Infrastructure.TestData.NetworkTemplatesPath;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    });
}
