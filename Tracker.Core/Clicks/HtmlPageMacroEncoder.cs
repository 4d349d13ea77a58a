using System.Text;

namespace Tracker.Core.Clicks;

/// <summary>
/// <see cref="MacroEncoders.HtmlPage"/>: follows the page's markup through the text between macros — just
/// enough of HTML's tokenizer to know whether a macro sits in text, in a comment, in a script or style,
/// in an attribute value (quoted or not, URL or not) or inside a tag — and escapes each value for that place.
/// </summary>
internal sealed class HtmlPageMacroEncoder : IMacroEncoder
{
    /// <summary>Attributes whose value is a URL (or a list of them): a value there is percent-encoded first.</summary>
    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "poster", "cite", "data", "background", "longdesc", "usemap",
         "codebase", "manifest", "icon", "srcset", "ping", "xlink:href", "lowsrc", "dynsrc", "archive", "classid", "profile"];

    /// <summary>Elements whose content is not markup: a <c>&lt;</c> inside them opens no tag.</summary>
    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "noembed", "noframes"];

    private enum State
    {
        Text, TagOpen, EndTagOpen, TagName, InTag, AttributeName, AfterAttributeName, BeforeValue,
        DoubleQuoted, SingleQuoted, Unquoted, Bang, BangDash, Comment, Declaration, RawText,
    }

    private State _state = State.Text;
    private readonly StringBuilder _name = new(16);
    private bool _isEndTag;
    private bool _urlAttribute;
    private string? _tagRawText;
    private string? _rawTextElement;
    private int _rawTextMatched;
    private int _commentDashes;

    public bool KeepsUnknownMacros => true;

    public void AppendLiteral(StringBuilder target, ReadOnlySpan<char> text)
    {
        target.Append(text);
        foreach (var c in text) Step(c);
    }

    public void Append(StringBuilder target, ReadOnlySpan<char> value, bool raw)
    {
        if (_state == State.BeforeValue) _state = State.Unquoted;
        switch (_state)
        {
            case State.DoubleQuoted or State.SingleQuoted or State.Unquoted when _urlAttribute && !raw:
                // Percent-encoded output is only unreserved characters and %XX, which need no HTML escaping.
                PercentEncoding.Append(target, value);
                break;
            case State.DoubleQuoted or State.SingleQuoted:
                HtmlText.AppendAscii(target, value, unquotedAttribute: false);
                break;
            case State.Unquoted or State.TagName or State.InTag or State.AttributeName or State.AfterAttributeName
                or State.TagOpen or State.EndTagOpen:
                HtmlText.AppendAscii(target, value, unquotedAttribute: true);
                break;
            case State.Text or State.Bang or State.BangDash or State.Comment or State.Declaration or State.RawText
                or State.BeforeValue:
                HtmlText.AppendAscii(target, value, unquotedAttribute: false);
                break;
        }
    }

    private void Step(char c)
    {
        switch (_state)
        {
            case State.Text:
                if (c == '<') _state = State.TagOpen;
                break;
            case State.TagOpen:
                if (char.IsAsciiLetter(c)) StartTagName(c, isEnd: false);
                else if (c == '/') _state = State.EndTagOpen;
                else if (c == '!') _state = State.Bang;
                else if (c == '?') _state = State.Declaration;
                else _state = c == '<' ? State.TagOpen : State.Text;
                break;
            case State.EndTagOpen:
                if (char.IsAsciiLetter(c)) StartTagName(c, isEnd: true);
                else _state = c == '>' ? State.Text : State.Declaration;
                break;
            case State.TagName:
                if (IsSpace(c) || c == '/') { EndTagName(); _state = State.InTag; }
                else if (c == '>') { EndTagName(); EndTag(); }
                else _name.Append(char.ToLowerInvariant(c));
                break;
            case State.InTag:
                if (c == '>') EndTag();
                else if (!IsSpace(c) && c != '/') StartAttributeName(c);
                break;
            case State.AttributeName:
                if (IsSpace(c)) { EndAttributeName(); _state = State.AfterAttributeName; }
                else if (c == '=') { EndAttributeName(); _state = State.BeforeValue; }
                else if (c == '>') EndTag();
                else if (c == '/') _state = State.InTag;
                else _name.Append(char.ToLowerInvariant(c));
                break;
            case State.AfterAttributeName:
                if (c == '=') _state = State.BeforeValue;
                else if (c == '>') EndTag();
                else if (c == '/') _state = State.InTag;
                else if (!IsSpace(c)) StartAttributeName(c);
                break;
            case State.BeforeValue:
                if (c == '"') _state = State.DoubleQuoted;
                else if (c == '\'') _state = State.SingleQuoted;
                else if (c == '>') EndTag();
                else if (!IsSpace(c)) _state = State.Unquoted;
                break;
            case State.DoubleQuoted:
                if (c == '"') _state = State.InTag;
                break;
            case State.SingleQuoted:
                if (c == '\'') _state = State.InTag;
                break;
            case State.Unquoted:
                if (IsSpace(c)) _state = State.InTag;
                else if (c == '>') EndTag();
                break;
            case State.Bang:
                _state = c == '-' ? State.BangDash : c == '>' ? State.Text : State.Declaration;
                break;
            case State.BangDash:
                _state = c == '-' ? State.Comment : c == '>' ? State.Text : State.Declaration;
                _commentDashes = 0;
                break;
            case State.Comment:
                if (c == '>' && _commentDashes >= 2) _state = State.Text;
                _commentDashes = c == '-' ? _commentDashes + 1 : 0;
                break;
            case State.Declaration:
                if (c == '>') _state = State.Text;
                break;
            case State.RawText:
                StepRawText(c);
                break;
        }
    }

    /// <summary>Inside a script or style, only its own end tag (<c>&lt;/script</c>, any case) ends it.</summary>
    private void StepRawText(char c)
    {
        var element = _rawTextElement!;
        var expected = _rawTextMatched switch
        {
            0 => '<',
            1 => '/',
            _ => element[_rawTextMatched - 2],
        };
        if (char.ToLowerInvariant(c) == expected)
        {
            _rawTextMatched++;
            if (_rawTextMatched == element.Length + 2)
            {
                _isEndTag = true;
                _tagRawText = null;
                _rawTextElement = null;
                _rawTextMatched = 0;
                _state = State.InTag;
            }
        }
        else
        {
            _rawTextMatched = c == '<' ? 1 : 0;
        }
    }

    private void StartTagName(char c, bool isEnd)
    {
        _isEndTag = isEnd;
        _name.Clear().Append(char.ToLowerInvariant(c));
        _state = State.TagName;
        _tagRawText = null;
    }

    private void EndTagName() => _tagRawText = _isEndTag ? null : RawTextElementOf(_name);

    private void StartAttributeName(char c)
    {
        _urlAttribute = false;
        _name.Clear().Append(char.ToLowerInvariant(c));
        _state = State.AttributeName;
    }

    private void EndAttributeName() => _urlAttribute = Is(_name, UrlAttributes);

    private void EndTag()
    {
        _rawTextElement = _tagRawText;
        _tagRawText = null;
        _state = _rawTextElement is null ? State.Text : State.RawText;
        _rawTextMatched = 0;
        _urlAttribute = false;
    }

    private static string? RawTextElementOf(StringBuilder tagName)
    {
        foreach (var element in RawTextElements)
            if (tagName.Equals(element)) return element;
        return null;
    }

    private static bool Is(StringBuilder name, string[] names)
    {
        foreach (var n in names)
            if (name.Equals(n)) return true;
        return false;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
