using Tracker.Core.Clicks;

namespace Tracker.Core.Campaigns;

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
