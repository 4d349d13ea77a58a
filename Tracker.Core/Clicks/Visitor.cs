namespace Tracker.Core.Clicks;

/// <summary>What the tracker knows about the person behind a click; stream filters decide on it.</summary>
public sealed record Visitor
{
    public string Ip { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2 in upper case; empty when the address is not in the country database.</summary>
    public string Country { get; init; } = "";

    public string UserAgent { get; init; } = "";

    public string Referrer { get; init; } = "";

    /// <summary>The Accept-Language header as sent.</summary>
    public string Language { get; init; } = "";

    /// <summary>Whether the visitor is a bot and why (classified once per click; see <c>BotClassifier</c>).</summary>
    public Bots.BotVerdict Bot { get; init; } = Bots.BotVerdict.Human;

    /// <summary>The click's query parameters (sub_id_1…30, keyword, source, …) by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = EmptyParameters;

    private static readonly IReadOnlyDictionary<string, string> EmptyParameters = new Dictionary<string, string>();
}
