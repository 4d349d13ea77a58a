using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Core.Campaigns;

/// <summary>
/// Picks a campaign's stream for a visitor: forced streams in order (the first whose filters all
/// match), then regular streams by weight among those whose filters match, then the default
/// stream; with none of these the click gets <c>do_nothing</c>. Archived streams take no part.
/// </summary>
/// <remarks>Built once per campaign when the routing snapshot is rebuilt; immutable and shared by all clicks.</remarks>
public sealed class StreamSelector
{
    private const int StackLimit = 128;

    private readonly Route[] _forced;
    private readonly Route[] _regular;
    private readonly Route[] _default;

    public StreamSelector(IEnumerable<CampaignStream> streams)
    {
        var active = streams
            .Where(s => s.State == ItemState.Active)
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new Route(s))
            .ToArray();
        _forced = active.Where(r => r.Stream.Type == StreamType.Forced).ToArray();
        _regular = active.Where(r => r.Stream.Type == StreamType.Regular).ToArray();
        _default = active.Where(r => r.Stream.Type == StreamType.Default).ToArray();
    }

    /// <summary>The stream for <paramref name="visitor"/>, or null for <c>do_nothing</c>; every step is written to <paramref name="trace"/>.</summary>
    public CampaignStream? Select(Visitor visitor, IRandomSource random, DecisionTrace trace)
    {
        foreach (var route in _forced)
        {
            if (route.Matches(visitor, trace, "Forced"))
            {
                trace.Add($"Forced stream {route.Label} matched and was chosen.");
                return route.Stream;
            }
        }

        var chosen = PickRegular(visitor, random, trace);
        if (chosen is not null) return chosen;

        foreach (var route in _default)
        {
            if (route.Matches(visitor, trace, "Default"))
            {
                trace.Add(_forced.Length + _regular.Length == 0
                    ? $"Default stream {route.Label} was chosen (the campaign has no other active stream)."
                    : $"No forced or regular stream matched; default stream {route.Label} was chosen.");
                return route.Stream;
            }
        }

        trace.Add(_forced.Length + _regular.Length + _default.Length == 0
            ? "The campaign has no active stream: do nothing."
            : "No stream matched and there is no default stream to fall back to: do nothing.");
        return null;
    }

    private CampaignStream? PickRegular(Visitor visitor, IRandomSource random, DecisionTrace trace)
    {
        if (_regular.Length == 0) return null;
        Span<bool> matched = _regular.Length <= StackLimit ? stackalloc bool[_regular.Length] : new bool[_regular.Length];
        long total = 0;
        var matchCount = 0;
        for (var i = 0; i < _regular.Length; i++)
        {
            var route = _regular[i];
            if (!route.Matches(visitor, trace, "Regular")) continue;
            if (route.Stream.Weight <= 0)
            {
                trace.Add($"Regular stream {route.Label} matches but has weight 0, so it gets no traffic.");
                continue;
            }
            matched[i] = true;
            matchCount++;
            total += route.Stream.Weight;
        }
        if (total == 0) return null;

        var ticket = random.Next((int)Math.Min(total, int.MaxValue));
        for (var i = 0; i < _regular.Length; i++)
        {
            if (!matched[i]) continue;
            var weight = _regular[i].Stream.Weight;
            if (ticket < weight)
            {
                trace.Add(matchCount == 1
                    ? $"Regular stream {_regular[i].Label} matched and was chosen (the only matching regular stream)."
                    : $"Regular stream {_regular[i].Label} was chosen by weight: {weight} of {total} across {matchCount} matching regular streams.");
                return _regular[i].Stream;
            }
            ticket -= weight;
        }
        return null;
    }

    private sealed class Route
    {
        private readonly StreamFilterRule[] _filters;

        public Route(CampaignStream stream)
        {
            Stream = stream;
            _filters = stream.Filters.Select(StreamFilterRule.Compile).ToArray();
            Label = $"\"{stream.Name}\" (#{stream.Id})";
        }

        public CampaignStream Stream { get; }

        public string Label { get; }

        public bool Matches(Visitor visitor, DecisionTrace trace, string kind)
        {
            foreach (var filter in _filters)
            {
                if (filter.Matches(visitor)) continue;
                trace.Add($"{kind} stream {Label} skipped: {filter.DescribeMismatch(visitor)}.");
                return false;
            }
            return true;
        }
    }
}
