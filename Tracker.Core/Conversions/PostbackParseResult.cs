namespace Tracker.Core.Conversions;

/// <summary>The parser's answer: a postback, or a message that says what is wrong with it.</summary>
public sealed record PostbackParseResult(ParsedPostback? Postback, string Error, string? SubIdHint)
{
    public bool IsValid => Postback is not null;
}
