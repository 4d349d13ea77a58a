using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Tracker.Core.Clicks;

/// <summary>
/// The one macro engine: the catalogue of <c>{name}</c> placeholders and the tokenizer that expands them
/// in offer URLs, network offer parameters, the editor's preview and local offer pages. <c>{name}</c>
/// inserts the encoded value, <c>{_name}</c> the raw one; names are matched without regard to case. What
/// "encoded" means, and what becomes of an unknown name, is the <see cref="IMacroEncoder"/>'s business
/// (<see cref="MacroEncoders"/>: URL or HTML page).
/// </summary>
public static class Macros
{
    public const int MaxNameLength = 64;

    private enum Id
    {
        SubId, CampaignId, CampaignName, StreamId, OfferId, OfferName, AffiliateNetworkId, Country, Ip,
        UserAgent, Referrer, Language, Source, Keyword, ExternalId, CreativeId, AdCampaignId, Cost, Currency, Random, Date,
        // sub_id_1 … sub_id_30 follow as SubIdParameter + (n - 1).
        SubIdParameter,
    }

    private static readonly (Id Id, MacroDefinition Definition)[] Named =
    [
        (Id.SubId, new("subid", "the click's unique id; the network must send it back in its postback")),
        (Id.CampaignId, new("campaign_id", "id of the campaign that received the click")),
        (Id.CampaignName, new("campaign_name", "name of that campaign")),
        (Id.StreamId, new("stream_id", "id of the stream that chose the offer")),
        (Id.OfferId, new("offer_id", "the offer's id")),
        (Id.OfferName, new("offer_name", "the offer's name")),
        (Id.AffiliateNetworkId, new("affiliate_network_id", "id of the offer's affiliate network")),
        (Id.Country, new("country", "the visitor's country as an ISO code (DE)")),
        (Id.Ip, new("ip", "the visitor's IP address")),
        (Id.UserAgent, new("user_agent", "the visitor's browser user agent")),
        (Id.Referrer, new("referrer", "the page the visitor came from")),
        (Id.Language, new("language", "the visitor's browser language")),
        (Id.Source, new(ClickParameters.Source, "the campaign link's source parameter")),
        (Id.Keyword, new(ClickParameters.Keyword, "the campaign link's keyword parameter")),
        (Id.ExternalId, new(ClickParameters.ExternalId, "the campaign link's external_id parameter")),
        (Id.CreativeId, new(ClickParameters.CreativeId, "the campaign link's creative_id parameter")),
        (Id.AdCampaignId, new(ClickParameters.AdCampaignId, "the campaign link's ad_campaign_id parameter")),
        (Id.Cost, new(ClickParameters.Cost, "the campaign link's cost parameter, as passed")),
        (Id.Currency, new(ClickParameters.Currency, "the campaign link's currency parameter, as passed")),
    ];

    private static readonly (Id Id, MacroDefinition Definition)[] Trailing =
    [
        (Id.Random, new("random", "a random number, the same everywhere for one click")),
        (Id.Date, new("date", "the click's date in UTC (yyyy-MM-dd)")),
    ];

    /// <summary>Every macro the tracker fills, in documentation order: the named ones, <c>sub_id_1</c>…<c>sub_id_30</c>, <c>random</c>, <c>date</c>.</summary>
    public static readonly IReadOnlyList<MacroDefinition> Catalogue =
        [.. Named.Select(n => n.Definition),
         .. Enumerable.Range(1, ClickParameters.SubIdCount)
             .Select(i => new MacroDefinition(ClickParameters.SubIdName(i), $"the campaign link's {ClickParameters.SubIdName(i)} parameter")),
         .. Trailing.Select(n => n.Definition)];

    /// <summary>Every macro name, without braces, in documentation order.</summary>
    public static readonly IReadOnlyList<string> KnownNames = [.. Catalogue.Select(m => m.Name)];

    private static readonly FrozenDictionary<string, int> ById = Named.Concat(Trailing)
        .Select(n => KeyValuePair.Create(n.Definition.Name, (int)n.Id))
        .Concat(Enumerable.Range(1, ClickParameters.SubIdCount)
            .Select(i => KeyValuePair.Create(ClickParameters.SubIdName(i), (int)Id.SubIdParameter + i - 1)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ById.GetAlternateLookup<ReadOnlySpan<char>>();

    [ThreadStatic] private static StringBuilder? _cachedBuilder;

    public static bool IsKnown(ReadOnlySpan<char> name) => BySpan.ContainsKey(name);

    /// <summary><paramref name="template"/> with its macros expanded; the same instance when it has none.</summary>
    public static string Expand(string template, MacroValues values, IMacroEncoder encoder)
    {
        if (template.IndexOf('{') < 0) return template;
        var sb = RentBuilder();
        ExpandInto(sb, template, values, encoder);
        return ReturnBuilder(sb);
    }

    /// <summary>
    /// The tokenizer. Text between macros goes through <see cref="IMacroEncoder.AppendLiteral"/>, a known
    /// macro's value through <see cref="IMacroEncoder.Append"/>; an unknown one is dropped or kept as
    /// written, as <see cref="IMacroEncoder.KeepsUnknownMacros"/> says. Allocates nothing of its own.
    /// </summary>
    public static void ExpandInto(StringBuilder target, ReadOnlySpan<char> template, MacroValues values, IMacroEncoder encoder)
    {
        while (template.Length > 0)
        {
            var open = template.IndexOf('{');
            if (open < 0)
            {
                encoder.AppendLiteral(target, template);
                return;
            }
            if (open > 0) encoder.AppendLiteral(target, template[..open]);
            template = template[open..];
            if (TryReadToken(template, out var length, out var name, out var raw))
            {
                if (BySpan.TryGetValue(name, out var id))
                    AppendValue(target, id, values, encoder, raw);
                else if (encoder.KeepsUnknownMacros)
                    encoder.AppendLiteral(target, template[..length]);
                template = template[length..];
            }
            else
            {
                encoder.AppendLiteral(target, template[..1]);
                template = template[1..];
            }
        }
    }

    /// <summary>
    /// What in <paramref name="template"/> looks like a placeholder but is no macro (each once, as written),
    /// for editors to flag: unknown names, and braces around words a macro name cannot hold (<c>{click-id}</c>).
    /// </summary>
    public static IReadOnlyList<string> FindUnknown(string? template)
    {
        var unknown = new List<string>();
        var span = (template ?? "").AsSpan();
        for (var i = span.IndexOf('{'); i >= 0; i = NextBrace(span, i + 1))
        {
            if (TryReadToken(span[i..], out var length, out var name, out _))
            {
                if (IsKnown(name)) continue;
            }
            else if (!TryReadPlaceholder(span[i..], out length))
            {
                continue;
            }
            var token = span.Slice(i, length).ToString();
            if (!unknown.Contains(token, StringComparer.OrdinalIgnoreCase)) unknown.Add(token);
        }
        return unknown;
    }

    private static int NextBrace(ReadOnlySpan<char> s, int from)
    {
        if (from >= s.Length) return -1;
        var i = s[from..].IndexOf('{');
        return i < 0 ? -1 : from + i;
    }

    /// <summary>A macro token is <c>{</c>, an optional <c>_</c>, a name of letters, digits and <c>_</c> starting with a letter, and <c>}</c>.</summary>
    private static bool TryReadToken(ReadOnlySpan<char> s, out int length, out ReadOnlySpan<char> name, out bool raw)
    {
        length = 0;
        name = default;
        raw = s.Length > 1 && s[1] == '_';
        var start = raw ? 2 : 1;
        var i = start;
        while (i < s.Length && i - start <= MaxNameLength && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_')) i++;
        if (i == start || i >= s.Length || s[i] != '}' || i - start > MaxNameLength || !char.IsAsciiLetter(s[start]))
            return false;
        name = s[start..i];
        length = i + 1;
        return true;
    }

    /// <summary>Braces around 1–64 characters that are no URL separators or spaces: what a user meant as a placeholder.</summary>
    private static bool TryReadPlaceholder(ReadOnlySpan<char> s, out int length)
    {
        length = 0;
        var i = 1;
        while (i < s.Length && i <= MaxNameLength + 1 && s[i] is not ('{' or '}' or '/' or '?' or '&' or '=' or '#') && !char.IsWhiteSpace(s[i])) i++;
        if (i == 1 || i >= s.Length || s[i] != '}' || i > MaxNameLength + 1) return false;
        length = i + 1;
        return true;
    }

    private static void AppendValue(StringBuilder target, int id, MacroValues v, IMacroEncoder encoder, bool raw)
    {
        if (id >= (int)Id.SubIdParameter)
        {
            encoder.Append(target, v.Parameter(ClickParameters.SubIdName(id - (int)Id.SubIdParameter + 1)), raw);
            return;
        }
        switch ((Id)id)
        {
            case Id.SubId: encoder.Append(target, v.SubId, raw); break;
            case Id.CampaignId: AppendNumber(target, v.CampaignId, encoder, raw); break;
            case Id.CampaignName: encoder.Append(target, v.CampaignName, raw); break;
            case Id.StreamId: AppendNumber(target, v.StreamId, encoder, raw); break;
            case Id.OfferId: AppendNumber(target, v.OfferId, encoder, raw); break;
            case Id.OfferName: encoder.Append(target, v.OfferName, raw); break;
            case Id.AffiliateNetworkId: AppendNumber(target, v.AffiliateNetworkId, encoder, raw); break;
            case Id.Country: encoder.Append(target, v.Country, raw); break;
            case Id.Ip: encoder.Append(target, v.Ip, raw); break;
            case Id.UserAgent: encoder.Append(target, v.UserAgent, raw); break;
            case Id.Referrer: encoder.Append(target, v.Referrer, raw); break;
            case Id.Language: encoder.Append(target, v.Language, raw); break;
            case Id.Source: encoder.Append(target, v.Parameter(ClickParameters.Source), raw); break;
            case Id.Keyword: encoder.Append(target, v.Parameter(ClickParameters.Keyword), raw); break;
            case Id.ExternalId: encoder.Append(target, v.Parameter(ClickParameters.ExternalId), raw); break;
            case Id.CreativeId: encoder.Append(target, v.Parameter(ClickParameters.CreativeId), raw); break;
            case Id.AdCampaignId: encoder.Append(target, v.Parameter(ClickParameters.AdCampaignId), raw); break;
            case Id.Cost: encoder.Append(target, v.Parameter(ClickParameters.Cost), raw); break;
            case Id.Currency: encoder.Append(target, v.Parameter(ClickParameters.Currency), raw); break;
            case Id.Random: AppendNumber(target, v.Random, encoder, raw); break;
            case Id.Date:
                if (v.ClickedAtUtc == default) break;
                Span<char> date = stackalloc char[10];
                v.ClickedAtUtc.TryFormat(date, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                encoder.Append(target, date[..written], raw);
                break;
            case Id.SubIdParameter:
            default:
                break;
        }
    }

    private static void AppendNumber(StringBuilder target, int? value, IMacroEncoder encoder, bool raw)
    {
        if (value is not { } n) return;
        Span<char> digits = stackalloc char[11];
        n.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        encoder.Append(target, digits[..written], raw);
    }

    internal static StringBuilder RentBuilder()
    {
        var sb = _cachedBuilder ?? new StringBuilder(512);
        _cachedBuilder = null;
        sb.Clear();
        return sb;
    }

    internal static string ReturnBuilder(StringBuilder sb)
    {
        var result = sb.ToString();
        if (sb.Capacity <= 8192) _cachedBuilder = sb;
        return result;
    }
}
