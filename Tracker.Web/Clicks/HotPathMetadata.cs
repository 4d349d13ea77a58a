namespace Tracker.Web.Clicks;

/// <summary>
/// Marks the public hot paths (clicks, the double-meta hop, postbacks, local offer files): they run
/// only forwarded headers and routing, not the admin's middleware (request logging, status pages,
/// origin guard, authentication, the admin gate, authorization, antiforgery), none of which applies
/// to a visitor or a network.
/// </summary>
public sealed class HotPathMetadata
{
    public static readonly HotPathMetadata Instance = new();

    private HotPathMetadata() { }
}
