namespace Tracker.Core.Clicks;

/// <summary>
/// Why a click counts as a bot (stored on the click as a number: never renumber). The first reason
/// found wins, in this order: empty user agent, a listed bot user agent, a listed datacenter address.
/// </summary>
public enum BotReason
{
    /// <summary>Not a bot: a person, as far as the tracker can tell.</summary>
    None = 0,
    /// <summary>The request had no User-Agent header (or only spaces): browsers always send one.</summary>
    EmptyUserAgent = 1,
    /// <summary>The user agent contains an entry of a bot user-agent list (crawlers, link previews, HTTP libraries, headless browsers).</summary>
    BotUserAgent = 2,
    /// <summary>The address is in a datacenter (hosting, cloud) range of an IP range list: people rarely browse from servers.</summary>
    DatacenterIp = 3,
}
