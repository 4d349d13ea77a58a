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
