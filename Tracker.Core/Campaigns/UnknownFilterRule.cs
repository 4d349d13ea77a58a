using Tracker.Core.Clicks;

namespace Tracker.Core.Campaigns;

/// <summary>A filter type this version does not know (e.g. written by a newer version): it never matches, so the stream gets no traffic it was not meant for.</summary>
public sealed class UnknownFilterRule(string type) : StreamFilterRule
{
    public override bool Matches(Visitor visitor) => false;

    public override string DescribeMismatch(Visitor visitor) => $"filter type '{type}' is not known to this tracker";
}
