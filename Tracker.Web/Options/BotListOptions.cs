namespace Tracker.Web.Options;

/// <summary>
/// Which lists mark a click as a bot, besides an empty user agent (always a bot). Read at start-up; a
/// list that is missing or has a bad line stops the start-up with the file and line named.
/// </summary>
public sealed class BotListOptions
{
    /// <summary>Use the lists shipped in <c>BotData/</c> (bot user agents, datacenter ranges). Default true.</summary>
    public bool UseBundledLists { get; set; } = true;

    /// <summary>The operator's own user-agent lists: text files, one case-insensitive substring a line, <c>#</c> comments.</summary>
    public List<string> UserAgentLists { get; set; } = [];

    /// <summary>The operator's own address lists: text files, one IPv4/IPv6 CIDR or address a line, <c>#</c> comments.</summary>
    public List<string> IpRangeLists { get; set; } = [];
}
