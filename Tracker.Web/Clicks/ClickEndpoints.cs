using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Web.LocalOffers;
using Tracker.Web.Options;

using ClickResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult, Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult, Microsoft.AspNetCore.Http.HttpResults.Ok>;

namespace Tracker.Web.Clicks;

/// <summary>
/// The public click surface: <c>GET|HEAD /{alias}</c>, the double meta hop <c>/_go/{token}</c>, and (for
/// benchmarks only) <c>/_bench/baseline</c>. Every response carries <c>Cache-Control: no-store</c>.
/// </summary>
public static class ClickEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteGroupBuilder MapClicks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").ExcludeFromDescription().AsHotPath();
        // No route constraint: every single-segment path that is not another endpoint lands here, so a
        // mistyped link gets the same no-store 404 page as an unknown alias.
        // The click path's services are singletons: resolved once here, a click needs no DI scope.
        var services = app.ServiceProvider;
        var path = new ClickPath(
            services.GetRequiredService<RoutingTable>(), services.GetRequiredService<VisitorResolver>(),
            services.GetRequiredService<UniquenessTracker>(), services.GetRequiredService<IOfferCapGate>(),
            services.GetRequiredService<IRandomSource>(), services.GetRequiredService<GatewayHop>(),
            services.GetRequiredService<ClickRecorder>(), services.GetRequiredService<ILocalOfferEntryPage>(),
            services.GetRequiredService<TimeProvider>());
        group.MapMethods("/{alias}", GetAndHead, (RequestDelegate)(http => Click(http, path)));
        group.MapMethods(GatewayHop.PathPrefix + "{token}", GetAndHead, (string token, HttpContext http) => Hop(token, http, path.Hop));
        var options = app.ServiceProvider.GetRequiredService<IOptions<ClickTrackingOptions>>().Value;
        if (options.Benchmark.BaselineEndpoint)
            group.MapGet("/_bench/baseline", Baseline);
        return group;
    }

    /// <summary>
    /// The click endpoint as a plain request delegate: it writes its own response, so a click pays for
    /// no parameter binding, no boxed result union and no request-services scope (which a framework
    /// redirect result opens to find its logger).
    /// </summary>
    private static Task Click(HttpContext http, ClickPath path)
    {
        var alias = http.Request.RouteValues["alias"] as string ?? "";
        var result = Click(alias, http, path);
        return result.IsCompletedSuccessfully ? Execute(http, result.Result) : ExecuteWhenDoneAsync(http, result);
    }

    private static async Task ExecuteWhenDoneAsync(HttpContext http, ValueTask<ClickResult> result) =>
        await Execute(http, await result);

    // A plain 302 is written directly; everything else (pages, local offers) executes as a result.
    private static Task Execute(HttpContext http, ClickResult result)
    {
        if (result.Result is RedirectHttpResult { Permanent: false, PreserveMethod: false, AcceptLocalUrlOnly: false } redirect)
        {
            http.Response.StatusCode = StatusCodes.Status302Found;
            http.Response.Headers.Location = redirect.Url;
            return Task.CompletedTask;
        }
        return result.ExecuteAsync(http);
    }

    /// <summary>Resolve, decide, render, record, respond. HEAD does all but record, and hands out no subid.</summary>
    /// <remarks>
    /// Written without one big async method: everything up to the record runs synchronously (the
    /// snapshot and the render complete at once unless a rebuild or a local page's file read is due),
    /// and only the wait for the commit is awaited, in a small pooled state machine. A click then
    /// allocates no large state-machine box, which the garbage collector otherwise paid for per click.
    /// </remarks>
    private static ValueTask<ClickResult> Click(string alias, HttpContext http, ClickPath path)
    {
        http.Response.Headers.CacheControl = "no-store";
        var snapshot = path.Routing.CurrentAsync(http.RequestAborted);
        return snapshot.IsCompletedSuccessfully ? Click(snapshot.Result, alias, http, path) : AfterSnapshotAsync(snapshot, alias, http, path);
    }

    private static async ValueTask<ClickResult> AfterSnapshotAsync(ValueTask<RoutingSnapshot> snapshot, string alias, HttpContext http, ClickPath path) =>
        await Click(await snapshot, alias, http, path);

    private static ValueTask<ClickResult> Click(RoutingSnapshot snapshot, string alias, HttpContext http, ClickPath path)
    {
        var isHead = HttpMethods.IsHead(http.Request.Method);

        // Resolve: the campaign from the in-memory snapshot, the visitor from the request.
        if (!snapshot.Campaigns.TryGetValue(alias, out var route) || CampaignAlias.IsReserved(alias))
            return ValueTask.FromResult<ClickResult>(TrackingPages.NotFound());
        var campaign = route.Campaign;
        var now = path.Clock.GetUtcNow().UtcDateTime;
        var parameters = VisitorResolver.Parameters(http.Request);
        var visitor = path.Visitors.Resolve(http, parameters);
        var trace = DecisionTrace.Rent();
        trace.Add($"Campaign {route.Label}; visitor country {(visitor.Country.Length > 0 ? visitor.Country : "unknown")}.");
        if (visitor.Bot.IsBot) trace.Add($"Bot: {path.Visitors.Bots.Describe(visitor.Bot, visitor.Ip)}.");

        // Decide: stream, offer, conversion cap, destination.
        var stream = route.Streams.Select(visitor, path.Random, trace);
        var offer = stream is { Action: StreamAction.Offers } ? OfferRotation.Pick(stream, snapshot.Offers, path.Random, trace) : null;
        if (offer is not null)
        {
            var gated = path.CapGate.Decide(offer, snapshot.Offers, now);
            trace.AddRange(gated.Trace);
            offer = gated.Offer;
        }
        var click = NewClick(isHead ? "" : SubId.New(now), now, campaign, stream, offer, visitor, parameters);
        click.IsUnique = !isHead && path.Uniqueness.Observe(campaign.Id, visitor.Ip, visitor.UserAgent, campaign.UniquenessHours, now);
        var cost = ClickParameters.ParseCost(parameters, snapshot.BaseCurrency, out var costProblem);
        if (costProblem is not null) trace.Add(costProblem);
        (click.CostMicros, click.CostCurrency) = (cost.Micros, cost.Currency);
        click.CostBaseMicros = ClickCost.InBase(cost, snapshot.Rates, trace);
        if (click.IsBot && click.CostBaseMicros != 0)
        {
            // Bots are kept out of cost: the source's figure stays on the click, reports count 0.
            trace.Add("A bot's cost is not counted: 0 in the base currency (the source's cost stays on the click).");
            click.CostBaseMicros = 0;
        }

        // Render: the offer's redirect (or local page), or the stream's action.
        var response = RenderAsync(http, path, snapshot, stream, offer, click, MacroValues.ForClick(click, campaign.Name, offer), trace);
        return response.IsCompletedSuccessfully
            ? Record(response.Result, click, trace, isHead, http, path)
            : AfterRenderAsync(response, click, trace, isHead, http, path);
    }

    private static async ValueTask<ClickResult> AfterRenderAsync(
        ValueTask<ClickResult> response, Click click, DecisionTrace trace, bool isHead, HttpContext http, ClickPath path) =>
        await Record(await response, click, trace, isHead, http, path);

    // Record: the response leaves only once the click is committed.
    private static ValueTask<ClickResult> Record(ClickResult response, Click click, DecisionTrace trace, bool isHead, HttpContext http, ClickPath path)
    {
        if (isHead)
        {
            DecisionTrace.Return(trace);
            return ValueTask.FromResult(response);
        }
        // The trace goes with the click to the writer, which stores it and gives it back to the pool.
        var stored = path.Recorder.RecordAsync(click, trace);
        if (stored.IsCompletedSuccessfully) return ValueTask.FromResult(stored.Result ? response : TrackingPages.Unavailable(http));
        return AfterRecordAsync(stored, response, http);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ClickResult> AfterRecordAsync(ValueTask<bool> stored, ClickResult response, HttpContext http) =>
        await stored ? response : TrackingPages.Unavailable(http);

    private static Click NewClick(string subId, DateTime now, Campaign campaign, CampaignStream? stream, Offer? offer,
        Visitor visitor, Dictionary<string, string> parameters) => new()
    {
        SubId = subId,
        CreatedAt = now,
        CampaignId = campaign.Id,
        StreamId = stream?.Id,
        OfferId = offer?.Id,
        AffiliateNetworkId = offer?.AffiliateNetworkId,
        Country = visitor.Country,
        Ip = visitor.Ip,
        UserAgent = visitor.UserAgent,
        Referrer = visitor.Referrer,
        Language = visitor.Language,
        BotReason = visitor.Bot.Reason,
        Parameters = parameters,
    };

    // What the visitor gets is decided in Core (StreamActions); here it only becomes HTTP.
    private static ValueTask<ClickResult> RenderAsync(
        HttpContext http, ClickPath path, RoutingSnapshot snapshot, CampaignStream? stream, Offer? offer,
        Click click, MacroValues macros, DecisionTrace trace)
    {
        var template = offer is null || offer.IsLocal ? null
            : snapshot.OfferUrlTemplates.TryGetValue(offer.Id, out var t) ? t : OfferUrlBuilder.Template(offer, snapshot.NetworkOf(offer));
        var response = StreamActions.Respond(stream, offer, template, macros, snapshot.Rates, click, trace, path.HopFor);
        return response.Kind switch
        {
            ClickResponseKind.Empty => ValueTask.FromResult<ClickResult>(TypedResults.Ok()),
            ClickResponseKind.Text => ValueTask.FromResult<ClickResult>(TrackingPages.Text(response.Text ?? "")),
            ClickResponseKind.NotFound => ValueTask.FromResult<ClickResult>(TrackingPages.NotFound()),
            ClickResponseKind.Redirect => ValueTask.FromResult(Respond(http, response.Redirect!)),
            ClickResponseKind.LocalPage => RenderLocalAsync(http, path, snapshot, offer!, click, macros, trace),
        };
    }

    // A local offer's entry page: the one render that may read a file.
    private static async ValueTask<ClickResult> RenderLocalAsync(
        HttpContext http, ClickPath path, RoutingSnapshot snapshot, Offer offer, Click click, MacroValues macros, DecisionTrace trace)
    {
        var page = await path.LocalPages.RenderEntryAsync(offer, macros, http.RequestAborted);
        if (page is null)
        {
            trace.Add($"Offer \"{offer.Name}\" (#{offer.Id}) is local but its content is not uploaded: 404.");
            return TrackingPages.OfferContentNotUploaded();
        }
        StreamActions.BookRevenue(offer, snapshot.Rates, click, trace);
        trace.Add($"Served the local offer's page (/lo/{offer.LocalKey}/).");
        LocalOfferPages.ApplyIsolation(http.Response.Headers);
        return TypedResults.Bytes(page.Body, page.ContentType);
    }

    private static Results<RedirectHttpResult, ContentHttpResult, FileContentHttpResult, Ok> Respond(HttpContext http, RedirectResponse rendered)
    {
        if (rendered.HideReferrer) http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return rendered.Location is not null
            ? TypedResults.Redirect(rendered.Location)
            : TrackingPages.Html(rendered.Html ?? "");
    }

    /// <summary>The middle page of a double meta redirect: the offer sees the tracker, not the traffic source, as referrer.</summary>
    private static ContentHttpResult Hop(string token, HttpContext http, GatewayHop hop)
    {
        http.Response.Headers.CacheControl = "no-store";
        var destination = hop.Open(token);
        return destination is null
            ? TrackingPages.NotFound()
            : TrackingPages.Html(RedirectRenderer.GatewayHop(destination).Html!);
    }

    /// <summary>A bare 302 through the same pipeline as clicks, so bench/ can measure what the click path adds.</summary>
    private static RedirectHttpResult Baseline(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect("https://offer.example/landing?sub1=baseline");
    }

    /// <summary>The services one click uses (singletons, resolved when the endpoints are mapped).</summary>
    private readonly record struct ClickPath(
        RoutingTable Routing,
        VisitorResolver Visitors,
        UniquenessTracker Uniqueness,
        IOfferCapGate CapGate,
        IRandomSource Random,
        GatewayHop Hop,
        ClickRecorder Recorder,
        ILocalOfferEntryPage LocalPages,
        TimeProvider Clock)
    {
        /// <summary>The double meta hop's address for a destination (one delegate, made once).</summary>
        public Func<string, string> HopFor { get; } = Hop.UrlFor;
    }
}
