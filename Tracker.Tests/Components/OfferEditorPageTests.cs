using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Catalog;
using Tracker.Web.Components.Pages.Offers;
using Tracker.Web.Data;
using TestContext = Xunit.TestContext;

namespace Tracker.Tests.Components;

/// <summary>The offer editor page over a real host's SQLite file, rendered by bUnit.</summary>
public sealed class OfferEditorPageTests : MudComponentContext, IAsyncLifetime
{
    private readonly TrackerApplication _app = new();
    private IRenderedComponent<PopoverHosts> _hosts = default!;

    public ValueTask InitializeAsync()
    {
        UseTracker(_app);
        UseLocalOfferUpload();
        _hosts = RenderPopoverHosts();
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private OfferStore Offers => _app.Service<OfferStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Offer> CreateOfferAsync() => (await Offers.CreateAsync(new Offer
    {
        Name = "Casino DE", Url = "https://net.example/click?o=77&s={subid}", PayoutMicros = 12_500_000, PayoutCurrency = "EUR",
    }, Ct)).Value!;

    private static void OpenTab(IRenderedComponent<OfferEditorPage> cut, string title) =>
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains(title, StringComparison.Ordinal)).Click();

    private static string ActiveTab(IRenderedComponent<OfferEditorPage> cut) => cut.Find(".mud-tab.mud-tab-active").TextContent.Trim();

    [Fact]
    public async Task NewOfferIsFilledInAcrossAllThreeTabsAndSaved()
    {
        var network = (await _app.Service<NetworkStore>().CreateAsync(new AffiliateNetwork { Name = "CPA House", OfferParameters = "&sub1={subid}" }, Ct)).Value!;
        var cut = Render<OfferEditorPage>();
        cut.WaitForElement("#offer-name");

        cut.Find("#offer-name").Input("Casino DE");
        cut.Find("#offer-url").Input("https://net.example/click?o=77");
        cut.Find("[data-testid=offer-network] .mud-input-control").MouseDown();
        _hosts.WaitForElements(".mud-list-item").Single(i => i.TextContent.Contains("CPA House", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=subid-warning]")));
        Assert.NotNull(cut.Find("[data-testid=unsaved-changes]"));

        OpenTab(cut, "Additional");
        cut.Find("#offer-payout-value").Input("12.5");
        cut.Find("input[data-testid=offer-rebills]").Change(true);

        OpenTab(cut, "Notes");
        cut.Find("#offer-notes").Input("Manager: Anna");

        cut.Find("[data-testid=offer-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Offer #", cut.Find("[data-testid=editor-offer-id]").TextContent));
        Assert.Equal("Casino DE", cut.Find("[data-testid=editor-title]").TextContent);
        var saved = Assert.Single((await Offers.ListAsync(new OfferQuery(), Ct)).Items);
        Assert.Equal("Casino DE", saved.Name);
        Assert.Equal(network.Id, saved.AffiliateNetworkId);
        Assert.Equal(12_500_000, saved.PayoutMicros);
        Assert.True(saved.Rebills);
        Assert.Equal("Manager: Anna", saved.Notes);
        Assert.EndsWith($"/admin/offers/{saved.Id}", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Empty(cut.FindAll("[data-testid=unsaved-changes]"));
    }

    [Fact]
    public async Task ANewLocalOfferOffersItsZipUploadBeforeTheFirstSaveAndNoRedirectChoices()
    {
        var cut = Render<OfferEditorPage>();
        cut.WaitForElement("#offer-name");
        cut.Find("#offer-name").Input("Spring pre-lander");
        Assert.NotEmpty(cut.FindAll("[data-testid=offer-redirect]"));

        cut.Find("input[data-testid=offer-is-local]").Change(true);

        // The uploader is there before the first save, and nothing that only applies to a redirect is.
        var slot = cut.WaitForElement("[data-testid=local-offer-slot]");
        Assert.NotNull(slot.QuerySelector("[data-testid=local-offer-dropzone]"));
        Assert.Contains("Choose the page's zip now and it is uploaded when you save", slot.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=offer-redirect]"));
        Assert.Empty(cut.FindAll("[data-testid=subid-warning]"));
        Assert.Empty(cut.FindAll("[data-testid=url-preview]"));
        Assert.Contains("URL (optional for a local offer)", cut.Markup);

        // Saved without a zip: the offer exists, and the uploader says what visitors get until a page is uploaded.
        cut.Find("[data-testid=offer-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Offer #", cut.Find("[data-testid=editor-offer-id]").TextContent));
        var saved = Assert.Single((await Offers.ListAsync(new OfferQuery(), Ct)).Items);
        Assert.True(saved.IsLocal);
        cut.WaitForAssertion(() => Assert.Contains("No page uploaded yet", cut.Find("[data-testid=local-offer-empty]").TextContent));
        Assert.Contains("404", cut.Find("[data-testid=local-offer-empty]").TextContent);
        Assert.DoesNotContain("redirected to its URL", cut.Markup);
    }

    /// <summary>The uploader's own services, from the running host; the antiforgery token is the page's (a fixed one here).</summary>
    private void UseLocalOfferUpload()
    {
        Services.AddSingleton(_app.Services.GetRequiredService<Tracker.Web.LocalOffers.LocalOfferStore>());
        Services.AddSingleton(_app.Services.GetRequiredService<Tracker.Web.LocalOffers.LocalOfferPages>());
        Services.AddSingleton(_app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Tracker.Web.LocalOffers.LocalOfferOptions>>());
        Services.AddSingleton(_app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>());
        Services.AddSingleton<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider>(new FixedAntiforgery());
    }

    private sealed class FixedAntiforgery : Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider
    {
        public override Microsoft.AspNetCore.Components.Forms.AntiforgeryRequestToken? GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }

    [Fact]
    public async Task InvalidOfferIsNotSavedAndTheTabWithTheFirstErrorOpens()
    {
        var cut = Render<OfferEditorPage>();
        cut.WaitForElement("#offer-name");
        cut.Find("#offer-name").Input("Capped offer");
        cut.Find("#offer-url").Input("https://net.example/click?s={subid}");
        OpenTab(cut, "Additional");
        cut.Find("input[data-testid=offer-cap-enabled]").Change(true);
        OpenTab(cut, "Notes");

        cut.Find("[data-testid=offer-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Additional", ActiveTab(cut)));
        Assert.Contains("The daily cap must be at least 1 conversion.", cut.Find("#offer-cap-daily").Closest(".mud-input-control")!.TextContent);
        Assert.Contains("Nothing was saved", cut.Find("[data-testid=validation-summary]").TextContent);
        Assert.Equal(0, (await Offers.ListAsync(new OfferQuery(State: null), Ct)).Total);

        // Fixing the field clears its message; the next save goes through.
        cut.Find("#offer-cap-daily").Input("50");
        Assert.DoesNotContain("at least 1 conversion", cut.Find("#offer-cap-daily").Closest(".mud-input-control")!.TextContent);
        cut.Find("[data-testid=offer-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, Offers.ListAsync(new OfferQuery(), Ct).GetAwaiter().GetResult().Total));
    }

    [Fact]
    public async Task AnUnreadablePayoutIsNotSavedAsTheLastGoodValueAndSaysWhy()
    {
        var cut = Render<OfferEditorPage>();
        cut.WaitForElement("#offer-name");
        cut.Find("#offer-name").Input("Casino DE");
        cut.Find("#offer-url").Input("https://net.example/click?s={subid}");
        OpenTab(cut, "Additional");
        cut.Find("#offer-payout-value").Input("12,5,0");
        OpenTab(cut, "Notes");

        cut.Find("[data-testid=offer-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Additional", ActiveTab(cut)));
        Assert.Contains("more than one separator", cut.Find("[data-testid=validation-summary]").TextContent);
        Assert.Equal("12,5,0", cut.Find("#offer-payout-value").GetAttribute("value"));
        Assert.Equal(0, (await Offers.ListAsync(new OfferQuery(State: null), Ct)).Total);

        cut.Find("#offer-payout-value").Input("12,50");
        cut.Find("[data-testid=offer-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(12_500_000, Assert.Single(Offers.ListAsync(new OfferQuery(), Ct).GetAwaiter().GetResult().Items).PayoutMicros));
    }

    [Fact]
    public async Task MissingNameAndUrlOpenTheMainTab()
    {
        var cut = Render<OfferEditorPage>();
        cut.WaitForElement("#offer-name");
        OpenTab(cut, "Notes");

        cut.Find("[data-testid=offer-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Main", ActiveTab(cut)));
        Assert.Contains("Give the offer a name.", cut.Find("#offer-name").Closest(".mud-input-control")!.TextContent);
        Assert.Contains("Enter the offer URL", cut.Find("#offer-url").Closest(".mud-input-control")!.TextContent);
        Assert.Equal(0, (await Offers.ListAsync(new OfferQuery(State: null), Ct)).Total);
    }

    [Fact]
    public async Task SaveElsewhereShowsTheBannerAndReloadShowsTheirVersion()
    {
        var offer = await CreateOfferAsync();
        var cut = Render<OfferEditorPage>(p => p.Add(e => e.Id, offer.Id));
        cut.WaitForElement("#offer-name");
        OpenTab(cut, "Notes");
        cut.Find("#offer-notes").Input("My note");

        var theirs = (await Offers.GetAsync(offer.Id, Ct))!;
        theirs.Name = "Casino DE (renamed by the API)";
        Assert.Equal(SaveOutcome.Saved, (await Offers.UpdateAsync(theirs, Ct)).Outcome);

        var banner = cut.WaitForElement("[data-testid=conflict-banner]");
        Assert.Contains("This offer was changed in another tab/by the API", banner.TextContent);
        Assert.Contains("Their save changed: Name", banner.TextContent);

        // Save while the banner is up saves nothing and says what to do.
        cut.Find("[data-testid=offer-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Choose first: Reload to take their version, or Overwrite", cut.Find("[data-testid=conflict-save-blocked]").TextContent));
        Assert.Equal("", (await Offers.GetAsync(offer.Id, Ct))!.Notes);

        cut.Find("[data-testid=conflict-reload]").Click();

        Assert.Empty(cut.FindAll("[data-testid=conflict-banner]"));
        Assert.Equal("Casino DE (renamed by the API)", cut.Find("#offer-name").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=unsaved-changes]"));
    }

    [Fact]
    public async Task ALiveUpdateInATabWithNoEditsSimplyShowsTheNewVersion()
    {
        var offer = await CreateOfferAsync();
        var cut = Render<OfferEditorPage>(p => p.Add(e => e.Id, offer.Id));
        cut.WaitForElement("#offer-name");

        var api = _app.CreateApiClient();
        var body = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/offers/{offer.Id}", Ct))!;
        body["name"] = "Casino DE (from the API)";
        var response = await api.PutAsJsonAsync($"/api/v1/offers/{offer.Id}", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        cut.WaitForAssertion(() => Assert.Equal("Casino DE (from the API)", cut.Find("#offer-name").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=conflict-banner]"));
        Assert.Contains("version 2", cut.Find("[data-testid=editor-offer-id]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=unsaved-changes]"));
    }

    [Fact]
    public async Task ChangeThroughTheApiShowsTheBannerToATabWithEdits()
    {
        var offer = await CreateOfferAsync();
        var cut = Render<OfferEditorPage>(p => p.Add(e => e.Id, offer.Id));
        cut.WaitForElement("#offer-name");
        cut.Find("#offer-name").Input("Casino DE (mine)");

        var api = _app.CreateApiClient();
        var body = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/offers/{offer.Id}", Ct))!;
        body["payoutValue"] = 14;
        var response = await api.PutAsJsonAsync($"/api/v1/offers/{offer.Id}", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var banner = cut.WaitForElement("[data-testid=conflict-banner]");
        Assert.Contains("Their save changed: Payout amount", banner.TextContent);
        Assert.Contains("your edits (Name)", banner.TextContent);
    }

    [Fact]
    public async Task OwnSaveDoesNotLookLikeSomeoneElses()
    {
        var offer = await CreateOfferAsync();
        var cut = Render<OfferEditorPage>(p => p.Add(e => e.Id, offer.Id));
        cut.WaitForElement("#offer-name");

        cut.Find("#offer-name").Input("Casino DE v2");
        cut.Find("[data-testid=offer-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Casino DE v2", Offers.GetAsync(offer.Id, Ct).GetAwaiter().GetResult()!.Name));
        cut.Find("#offer-name").Input("Casino DE v3");
        cut.Find("[data-testid=offer-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, Offers.GetAsync(offer.Id, Ct).GetAwaiter().GetResult()!.Version));
        Assert.Empty(cut.FindAll("[data-testid=conflict-banner]"));
    }

    [Fact]
    public async Task SavingOverAStaleVersionNeverOverwritesAndOverwriteReappliesYourEdits()
    {
        var offer = await CreateOfferAsync();
        var cut = Render<OfferEditorPage>(p => p.Add(e => e.Id, offer.Id));
        cut.WaitForElement("#offer-name");
        OpenTab(cut, "Notes");
        cut.Find("#offer-notes").Input("My note");

        // A writer that announced nothing (another process on the same file): only the version check can catch it.
        var factory = _app.Service<IDbContextFactory<TrackerDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var row = await db.Offers.SingleAsync(o => o.Id == offer.Id, Ct);
            row.Url = "https://net.example/click?o=78&s={subid}";
            row.Version++;
            await db.SaveChangesAsync(Ct);
        }

        cut.Find("[data-testid=offer-save]").Click();

        var banner = cut.WaitForElement("[data-testid=conflict-banner]");
        Assert.Contains("Their save changed: URL", banner.TextContent);
        Assert.Contains("your edits (Notes)", banner.TextContent);
        var stored = (await Offers.GetAsync(offer.Id, Ct))!;
        Assert.Equal("", stored.Notes);
        Assert.Equal(2, stored.Version);

        cut.Find("[data-testid=conflict-overwrite]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, Offers.GetAsync(offer.Id, Ct).GetAwaiter().GetResult()!.Version));
        stored = (await Offers.GetAsync(offer.Id, Ct))!;
        Assert.Equal("My note", stored.Notes);
        Assert.Equal("https://net.example/click?o=78&s={subid}", stored.Url);
        Assert.Empty(cut.FindAll("[data-testid=conflict-banner]"));
    }

    [Fact]
    public async Task CancelWithUnsavedChangesAsksBeforeDiscardingThem()
    {
        var offer = await CreateOfferAsync();
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo($"/admin/offers/{offer.Id}");
        var cut = Render<OfferEditorPage>(p => p.Add(e => e.Id, offer.Id));
        cut.WaitForElement("#offer-name");
        cut.Find("#offer-name").Input("Half-typed name");

        cut.Find("[data-testid=offer-cancel]").Click();
        _hosts.WaitForElements(".mud-dialog button").Single(b => b.TextContent.Trim() == "Keep editing").Click();

        cut.WaitForAssertion(() => Assert.EndsWith($"/admin/offers/{offer.Id}", nav.Uri));
        Assert.Equal("Half-typed name", cut.Find("#offer-name").GetAttribute("value"));

        cut.Find("[data-testid=offer-cancel]").Click();
        _hosts.WaitForElements(".mud-dialog button").Single(b => b.TextContent.Trim() == "Discard changes").Click();

        // Navigation after the dialog closes renders nothing in this component, so poll the address
        // rather than waiting for a render that never comes.
        for (var i = 0; i < 300 && !nav.Uri.EndsWith("/admin/offers", StringComparison.Ordinal); i++)
            await Task.Delay(50, Ct);
        Assert.EndsWith("/admin/offers", nav.Uri);
        Assert.Equal("Casino DE", (await Offers.GetAsync(offer.Id, Ct))!.Name);
    }
}
