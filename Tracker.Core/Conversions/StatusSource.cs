namespace Tracker.Core.Conversions;

/// <summary>Where a postback's status came from, so the log can say it in words.</summary>
public enum StatusSource
{
    /// <summary>No status in the postback: the default, <c>sale</c>.</summary>
    Default = 0,
    /// <summary>One of our own words: lead, sale, rejected, rebill.</summary>
    Native = 1,
    /// <summary>The network's word, mapped by <c>lead_status</c>, <c>sale_status</c> or <c>rejected_status</c>.</summary>
    Mapped = 2,
    /// <summary>Listed in <c>ignore_status</c>: logged, nothing else.</summary>
    Ignored = 3,
    /// <summary>A word no list mentions: recorded as a lead (revenue on hold) so nothing is lost.</summary>
    Unknown = 4,
}
