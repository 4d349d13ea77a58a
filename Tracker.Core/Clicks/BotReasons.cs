namespace Tracker.Core.Clicks;

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
