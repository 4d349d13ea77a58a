using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;
using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Core.Campaigns;

public sealed class StreamSelectorTests
{
    private static readonly Visitor German = new() { Country = "DE", Ip = "5.9.1.1" };
    private static readonly Visitor American = new() { Country = "US", Ip = "8.8.8.8" };
    private static readonly Visitor Unknown = new() { Country = "" };

    private static CampaignStream Stream(int id, StreamType type, int weight = 100, params StreamFilter[] filters) => new()
    {
        Id = id, Name = $"S{id}", Position = id, Type = type, Weight = weight, Filters = [.. filters],
    };

    private static StreamFilter Countries(FilterMode mode, params string[] codes) => new() { Type = "country", Mode = mode, Values = [.. codes] };

    [Fact]
    public void RegularStreamsShareTrafficInProportionToTheirWeights()
    {
        var selector = new StreamSelector([Stream(1, StreamType.Regular, 50), Stream(2, StreamType.Regular, 30), Stream(3, StreamType.Regular, 20)]);
        var random = new SeededRandomSource(12345);
        var counts = new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 0 };
        const int clicks = 100_000;
        for (var i = 0; i < clicks; i++)
            counts[selector.Select(German, random, new DecisionTrace())!.Id]++;

        // Binomial standard deviation at n=100k is at most 0.16 %; 1 % is more than six of them.
        Assert.InRange(counts[1] / (double)clicks, 0.49, 0.51);
        Assert.InRange(counts[2] / (double)clicks, 0.29, 0.31);
        Assert.InRange(counts[3] / (double)clicks, 0.19, 0.21);
    }

    [Fact]
    public void WeightsAreSharedOnlyAmongStreamsWhoseFiltersMatch()
    {
        var selector = new StreamSelector(
        [
            Stream(1, StreamType.Regular, 90, Countries(FilterMode.Include, "US")),
            Stream(2, StreamType.Regular, 5),
            Stream(3, StreamType.Regular, 5),
        ]);
        var random = new SeededRandomSource(7);
        var picks = Enumerable.Range(0, 20_000).Select(_ => selector.Select(German, random, new DecisionTrace())!.Id).ToList();

        Assert.DoesNotContain(1, picks);
        Assert.InRange(picks.Count(id => id == 2) / 20_000.0, 0.47, 0.53);
    }

    [Fact]
    public void FirstMatchingForcedStreamWinsOverEverythingElse()
    {
        var selector = new StreamSelector(
        [
            Stream(1, StreamType.Forced, filters: Countries(FilterMode.Include, "US")),
            Stream(2, StreamType.Forced, filters: Countries(FilterMode.Include, "DE", "AT")),
            Stream(3, StreamType.Forced),
            Stream(4, StreamType.Regular, 100),
            Stream(5, StreamType.Default),
        ]);
        var trace = new DecisionTrace();

        Assert.Equal(2, selector.Select(German, new SeededRandomSource(1), trace)!.Id);
        Assert.Equal(1, selector.Select(American, new SeededRandomSource(1), new DecisionTrace())!.Id);
        Assert.Contains(trace.Lines, l => l.Contains("\"S1\" (#1) skipped") && l.Contains("wants US") && l.Contains("visitor country is DE"));
        Assert.Contains(trace.Lines, l => l.Contains("Forced stream \"S2\" (#2) matched and was chosen"));
    }

    [Fact]
    public void ForcedStreamsAreTriedInTheirOrderNotTheirIds()
    {
        var first = Stream(9, StreamType.Forced);
        first.Position = 0;
        var second = Stream(1, StreamType.Forced);
        second.Position = 1;

        var chosen = new StreamSelector([second, first]).Select(German, new SeededRandomSource(1), new DecisionTrace());

        Assert.Equal(9, chosen!.Id);
    }

    [Fact]
    public void DefaultStreamCatchesVisitorsNoOtherStreamAccepts()
    {
        var selector = new StreamSelector(
        [
            Stream(1, StreamType.Forced, filters: Countries(FilterMode.Include, "US")),
            Stream(2, StreamType.Regular, 100, Countries(FilterMode.Exclude, "DE")),
            Stream(3, StreamType.Default),
        ]);
        var trace = new DecisionTrace();

        Assert.Equal(3, selector.Select(German, new SeededRandomSource(1), trace)!.Id);
        Assert.Contains(trace.Lines, l => l.Contains("excludes DE"));
        Assert.Contains(trace.Lines, l => l.Contains("default stream \"S3\" (#3) was chosen"));
    }

    [Fact]
    public void WithoutAnyMatchOrDefaultTheClickGetsDoNothing()
    {
        var selector = new StreamSelector([Stream(1, StreamType.Regular, 100, Countries(FilterMode.Include, "US"))]);
        var trace = new DecisionTrace();

        Assert.Null(selector.Select(German, new SeededRandomSource(1), trace));
        Assert.Contains("do nothing", trace.Lines[^1]);
    }

    [Fact]
    public void ArchivedStreamsTakeNoPart()
    {
        var archived = Stream(1, StreamType.Forced);
        archived.State = ItemState.Archived;
        var selector = new StreamSelector([archived, Stream(2, StreamType.Regular, 10)]);

        Assert.Equal(2, selector.Select(German, new SeededRandomSource(1), new DecisionTrace())!.Id);
    }

    [Fact]
    public void RegularStreamWithWeightZeroNeverGetsTraffic()
    {
        var selector = new StreamSelector([Stream(1, StreamType.Regular, 0), Stream(2, StreamType.Default)]);
        var trace = new DecisionTrace();

        Assert.Equal(2, selector.Select(German, new SeededRandomSource(1), trace)!.Id);
        Assert.Contains(trace.Lines, l => l.Contains("weight 0"));
    }

    [Fact]
    public void UnknownCountryIsNeverIncludedButPassesAnExclusion()
    {
        var include = new StreamSelector([Stream(1, StreamType.Forced, filters: Countries(FilterMode.Include, "US"))]);
        var exclude = new StreamSelector([Stream(1, StreamType.Forced, filters: Countries(FilterMode.Exclude, "US"))]);

        Assert.Null(include.Select(Unknown, new SeededRandomSource(1), new DecisionTrace()));
        Assert.NotNull(exclude.Select(Unknown, new SeededRandomSource(1), new DecisionTrace()));
    }

    [Fact]
    public void CountryFilterValuesAreCaseInsensitive()
    {
        var selector = new StreamSelector([Stream(1, StreamType.Forced, filters: Countries(FilterMode.Include, " de ", "at"))]);

        Assert.NotNull(selector.Select(German, new SeededRandomSource(1), new DecisionTrace()));
    }

    [Fact]
    public void AllFiltersOfAStreamMustMatch()
    {
        var selector = new StreamSelector([Stream(1, StreamType.Forced, 100,
            Countries(FilterMode.Include, "DE", "US"), Countries(FilterMode.Exclude, "US"))]);

        Assert.NotNull(selector.Select(German, new SeededRandomSource(1), new DecisionTrace()));
        Assert.Null(selector.Select(American, new SeededRandomSource(1), new DecisionTrace()));
    }

    [Fact]
    public void FilterOfAnUnknownTypeNeverMatchesAndSaysSo()
    {
        var selector = new StreamSelector([Stream(1, StreamType.Forced, 100, new StreamFilter { Type = "device", Values = ["mobile"] })]);
        var trace = new DecisionTrace();

        Assert.Null(selector.Select(German, new SeededRandomSource(1), trace));
        Assert.Contains(trace.Lines, l => l.Contains("filter type 'device' is not known"));
    }
}
