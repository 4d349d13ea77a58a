using Tracker.Core.Clicks;

namespace Tracker.Core.Bots;

/// <summary>The classifier's answer for one click: why it is a bot (or <see cref="BotReason.None"/>) and which list entry said so.</summary>
public readonly record struct BotVerdict(BotReason Reason, int Entry)
{
    public static readonly BotVerdict Human = new(BotReason.None, -1);

    public bool IsBot => Reason != BotReason.None;
}
