using Tracker.Core.Bots;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Core.Bots;

/// <summary>The "bot" stream filter: include = bots only, exclude = no bots; it takes no values.</summary>
public sealed class BotStreamFilterTests
{
    private static readonly Visitor Person = new() { Country = "DE", Ip = "85.214.132.117", UserAgent = "Mozilla/5.0" };
    private static readonly Visitor Crawler = new()
    {
        Country = "US", Ip = "66.249.66.1", UserAgent = "Googlebot/2.1", Bot = new BotVerdict(BotReason.BotUserAgent, 0),
    };

    private static CampaignStream Stream(int id, StreamType type, params StreamFilter[] filters) => new()
    {
        Id = id, Name = $"S{id}", Position = id, Type = type, Filters = [.. filters],
    };

    private static StreamFilter Bots(FilterMode mode) => new() { Type = "bot", Mode = mode };

    [Fact]
    public void AForcedBotStreamTakesBotsAndPeopleGoOn()
    {
        var selector = new StreamSelector([Stream(1, StreamType.Forced, Bots(FilterMode.Include)), Stream(2, StreamType.Default)]);

        var botTrace = new DecisionTrace();
        Assert.Equal(1, selector.Select(Crawler, new SeededRandomSource(1), botTrace)!.Id);
        var personTrace = new DecisionTrace();
        Assert.Equal(2, selector.Select(Person, new SeededRandomSource(1), personTrace)!.Id);
        Assert.Contains(personTrace.Lines, line => line == "Forced stream \"S1\" (#1) skipped: bot filter wants bots, the visitor is not a bot.");
    }

    [Fact]
    public void AnExcludeBotFilterKeepsBotsOutAndSaysWhy()
    {
        var selector = new StreamSelector([Stream(1, StreamType.Regular, Bots(FilterMode.Exclude))]);

        Assert.Equal(1, selector.Select(Person, new SeededRandomSource(1), new DecisionTrace())!.Id);
        var trace = new DecisionTrace();
        Assert.Null(selector.Select(Crawler, new SeededRandomSource(1), trace));
        Assert.Contains(trace.Lines, line => line.Contains("bot filter excludes bots, the visitor is a bot (bot user agent)", StringComparison.Ordinal));
    }

    [Fact]
    public void BotAndCountryFiltersCombine()
    {
        var selector = new StreamSelector(
        [
            Stream(1, StreamType.Forced, Bots(FilterMode.Include), new StreamFilter { Type = "country", Values = ["US"] }),
            Stream(2, StreamType.Default),
        ]);

        Assert.Equal(1, selector.Select(Crawler, new SeededRandomSource(1), new DecisionTrace())!.Id);
        Assert.Equal(2, selector.Select(Crawler with { Country = "DE" }, new SeededRandomSource(1), new DecisionTrace())!.Id);
    }

    [Fact]
    public void TheValidatorTakesABotFilterWithoutValuesAndRefusesOneWithValues()
    {
        var refs = new CampaignReferences(AliasTaken: _ => false, OfferExists: _ => true);
        Campaign With(StreamFilter filter) => new()
        {
            Name = "Bots", Alias = "bots", UniquenessHours = 24,
            Streams = [new CampaignStream { Name = "Safe", Type = StreamType.Forced, Filters = [filter], Action = StreamAction.ShowText, ActionPayload = "Hello" }],
        };

        Assert.True(CampaignValidator.Validate(With(Bots(FilterMode.Include)), refs).IsValid);
        Assert.True(CampaignValidator.Validate(With(Bots(FilterMode.Exclude)), refs).IsValid);
        var errors = CampaignValidator.Validate(With(new StreamFilter { Type = "bot", Values = ["yes"] }), refs);
        Assert.Equal(["The bot filter takes no values: choose include (bots only) or exclude (no bots)."], errors.For("streams[0].filters[0].values"));
        Assert.Contains("bot", StreamFilterTypes.Known);
    }
}
