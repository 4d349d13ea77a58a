namespace Tracker.Web.Live;

/// <summary>What changed: the kind of thing, its id and its new version (0 when deleted).</summary>
public sealed record ChangeNotice(string Kind, long Id, int Version, bool Deleted = false)
{
    public const string Offer = "offer";
    public const string Network = "network";
    public const string Group = "group";
    public const string Campaign = "campaign";
    public const string Settings = "settings";
    public const string Click = "click";
    public const string Conversion = "conversion";
    public const string Postback = "postback";
}
