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

public static class BotReasons
{
    /// <summary>The API's name of the reason: "" for none, else <c>empty_user_agent</c>, <c>bot_user_agent</c> or <c>datacenter_ip</c>.</summary>
    public static string Name(BotReason reason) => reason switch
    {
        BotReason.None => "",
        BotReason.EmptyUserAgent => "empty_user_agent",
        BotReason.BotUserAgent => "bot_user_agent",
        BotReason.DatacenterIp => "datacenter_ip",
    };

    /// <summary>The reason in words for the admin pages.</summary>
    public static string Describe(BotReason reason) => reason switch
    {
        BotReason.None => "not a bot",
        BotReason.EmptyUserAgent => "empty user agent",
        BotReason.BotUserAgent => "bot user agent",
        BotReason.DatacenterIp => "datacenter IP address",
    };
}
