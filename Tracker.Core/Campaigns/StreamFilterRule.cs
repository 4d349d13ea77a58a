using Tracker.Core.Clicks;

namespace Tracker.Core.Campaigns;

/// <summary>
/// A stream filter compiled for the click path. New filter types are a new subclass and a line in
/// <see cref="Compile"/>; the stored <see cref="StreamFilter"/> shape does not change.
/// </summary>
public abstract class StreamFilterRule
{
    public static StreamFilterRule Compile(StreamFilter filter) =>
        filter.Type.Trim().ToLowerInvariant() switch
        {
            CountryFilterRule.TypeName => new CountryFilterRule(filter.Mode, filter.Values),
            BotFilterRule.TypeName => new BotFilterRule(filter.Mode),
            _ => new UnknownFilterRule(filter.Type),
        };

    public abstract bool Matches(Visitor visitor);

    /// <summary>Why <paramref name="visitor"/> did not match, as a sentence fragment for the trace.</summary>
    public abstract string DescribeMismatch(Visitor visitor);
}

/// <summary>Include: the visitor's country is one of the values. Exclude: it is none of them (an unknown country is none of them).</summary>
public sealed class CountryFilterRule : StreamFilterRule
{
    public const string TypeName = "country";

    private readonly FilterMode _mode;
    private readonly string[] _countries;

    public CountryFilterRule(FilterMode mode, IEnumerable<string> countries)
    {
        _mode = mode;
        _countries = countries.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToArray();
    }

    public override bool Matches(Visitor visitor)
    {
        var listed = visitor.Country.Length > 0 && Array.IndexOf(_countries, visitor.Country) >= 0;
        return _mode == FilterMode.Include ? listed : !listed;
    }

    public override string DescribeMismatch(Visitor visitor)
    {
        var country = visitor.Country.Length > 0 ? visitor.Country : "unknown";
        var list = string.Join(", ", _countries);
        return _mode == FilterMode.Include
            ? $"country filter wants {(_countries.Length == 0 ? "(no countries listed)" : list)}, visitor country is {country}"
            : $"country filter excludes {list}, visitor country is {country}";
    }
}

/// <summary>
/// Include: the visitor is a bot (any reason: empty user agent, listed bot user agent, datacenter
/// address). Exclude: the visitor is not a bot. As Keitaro's "Bot" filter: a forced stream with it
/// sends bots to a safe page before the offers see them.
/// </summary>
public sealed class BotFilterRule(FilterMode mode) : StreamFilterRule
{
    public const string TypeName = "bot";

    public override bool Matches(Visitor visitor) => visitor.Bot.IsBot == (mode == FilterMode.Include);

    public override string DescribeMismatch(Visitor visitor) => mode == FilterMode.Include
        ? "bot filter wants bots, the visitor is not a bot"
        : $"bot filter excludes bots, the visitor is a bot ({BotReasons.Describe(visitor.Bot.Reason)})";
}

/// <summary>A filter type this version does not know (e.g. written by a newer version): it never matches, so the stream gets no traffic it was not meant for.</summary>
public sealed class UnknownFilterRule(string type) : StreamFilterRule
{
    public override bool Matches(Visitor visitor) => false;

    public override string DescribeMismatch(Visitor visitor) => $"filter type '{type}' is not known to this tracker";
}
