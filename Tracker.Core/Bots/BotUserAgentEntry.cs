namespace Tracker.Core.Bots;

/// <summary>One entry of a bot user-agent list: a piece of text that, found anywhere in a user agent (ignoring case), marks a bot.</summary>
public sealed record BotUserAgentEntry(string Text, string Source);
