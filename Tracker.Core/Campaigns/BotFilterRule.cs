using Tracker.Core.Clicks;

namespace Tracker.Core.Campaigns;

/// <summary>
/// Include: the visitor is a bot (any reason: empty user agent, listed bot user agent, datacenter
/// address). Exclude: the visitor is not a bot. As Keitaro's "Bot" filter: a forced stream with it
/// sends bots to a safe page before the offers see them.
/// </summary>
public sealed class BotFilterRule(FilterMode mode) : StreamFilterRule
{
    public const string TypeName = "bot";

    public override bool Matches(Visitor visitor) => visitor.Bot.IsBot == (mode == FilterMode.Include);

    public override string DescribeMismatch(Visitor visitor) => mode == FilterMode.Include
        ? "bot filter wants bots, the visitor is not a bot"
        : $"bot filter excludes bots, the visitor is a bot ({BotReasons.Describe(visitor.Bot.Reason)})";
}
