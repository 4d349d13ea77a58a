using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Tracker.Core.Clicks;

/// <summary>
/// <c>{name}</c> placeholders in offer URLs, network offer parameters and local offer pages.
/// <c>{name}</c> inserts the encoded value, <c>{_name}</c> the raw one; a macro that is unknown or
/// has no value becomes empty. Names are matched without regard to case.
/// </summary>
public static class Macros
{
    public const int MaxNameLength = 64;

    private enum Id
    {
        SubId, CampaignId, CampaignName, StreamId, OfferId, OfferName, AffiliateNetworkId, Country, Ip,
        UserAgent, Referrer, Language, Source, Keyword, ExternalId, CreativeId, AdCampaignId, Cost, Random, Date,
        // sub_id_1 … sub_id_30 follow as SubIdParameter + (n - 1).
        SubIdParameter,
    }

    private static readonly (string Name, Id Id)[] Named =
    [
        ("subid", Id.SubId), ("campaign_id", Id.CampaignId), ("campaign_name", Id.CampaignName),
        ("stream_id", Id.StreamId), ("offer_id", Id.OfferId), ("offer_name", Id.OfferName),
        ("affiliate_network_id", Id.AffiliateNetworkId), ("country", Id.Country), ("ip", Id.Ip),
        ("user_agent", Id.UserAgent), ("referrer", Id.Referrer), ("language", Id.Language),
        ("source", Id.Source), ("keyword", Id.Keyword), ("external_id", Id.ExternalId),
        ("creative_id", Id.CreativeId), ("ad_campaign_id", Id.AdCampaignId), ("cost", Id.Cost),
        ("random", Id.Random), ("date", Id.Date),
    ];

    private static readonly FrozenDictionary<string, int> ById = Named
        .Select(n => KeyValuePair.Create(n.Name, (int)n.Id))
        .Concat(Enumerable.Range(1, ClickParameters.SubIdCount)
            .Select(i => KeyValuePair.Create(ClickParameters.SubIdName(i), (int)Id.SubIdParameter + i - 1)))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ById.GetAlternateLookup<ReadOnlySpan<char>>();

    [ThreadStatic] private static StringBuilder? _cachedBuilder;

    /// <summary>Every macro name the tracker fills, without braces, in documentation order.</summary>
    public static readonly IReadOnlyList<string> KnownNames =
        [.. Named.Where(n => n.Id is not (Id.Random or Id.Date)).Select(n => n.Name),
         .. Enumerable.Range(1, ClickParameters.SubIdCount).Select(ClickParameters.SubIdName),
         "random", "date"];

    public static bool IsKnown(ReadOnlySpan<char> name) => BySpan.ContainsKey(name);

    public static string Expand(string template, MacroValues values, IMacroEncoder encoder)
    {
        if (template.IndexOf('{') < 0) return template;
        var sb = RentBuilder();
        ExpandInto(sb, template, values, encoder);
        return ReturnBuilder(sb);
    }

    public static void ExpandInto(StringBuilder target, ReadOnlySpan<char> template, MacroValues values, IMacroEncoder encoder)
    {
        while (template.Length > 0)
        {
            var open = template.IndexOf('{');
            if (open < 0)
            {
                target.Append(template);
                return;
            }
            target.Append(template[..open]);
            template = template[open..];
            if (TryReadToken(template, out var length, out var name, out var raw))
            {
                if (BySpan.TryGetValue(name, out var id))
                    AppendValue(target, id, values, encoder, raw);
                template = template[length..];
            }
            else
            {
                target.Append('{');
                template = template[1..];
            }
        }
    }

    /// <summary>The macros in <paramref name="template"/> that the tracker does not know (each once, as written), for editors to flag.</summary>
    public static IReadOnlyList<string> FindUnknown(string? template)
    {
        var unknown = new List<string>();
        var span = (template ?? "").AsSpan();
        for (var i = span.IndexOf('{'); i >= 0; i = NextBrace(span, i + 1))
        {
            if (!TryReadToken(span[i..], out var length, out var name, out _) || IsKnown(name)) continue;
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
            case Id.Random: AppendNumber(target, v.Random, encoder, raw); break;
            case Id.Date:
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
