using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tracker.Core.Amounts;
using Tracker.Core.Conversions;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>
/// Plays an affiliate network: takes its postback URL template, substitutes the network's own tokens
/// (<c>##CLICK_ID##</c>, <c>{clickid}</c>, <c>[[subid]]</c>, <c>%click_id%</c>…) with a real subid and
/// values, and says what the tracker must make of it. The expectations come from the Keitaro rules
/// written out here, independently of the tracker's own code.
/// </summary>
public static partial class NetworkTemplatePlayer
{
    public const string TokenPayout = "12.34";
    public const string TokenCurrency = "EUR";
    public const decimal FixedPayout = 10m;

    /// <summary>Rates the sweep's tracker is configured with (base USD).</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Rates = new Dictionary<string, decimal>
    {
        ["EUR"] = 1.08m, ["RUB"] = 0.011m, ["UAH"] = 0.024m, ["BRL"] = 0.18m,
    };

    private static readonly string[] SubIdNames = ["subid", "clickid", "click_id", "cid", "sub_id"];
    private static readonly string[] ListNames = ["lead_status", "sale_status", "rejected_status", "ignore_status"];

    // Names a typo of which would silently lose money or a status (payour, reject_status).
    private static readonly string[] MoneyRelevantNames = ["payout", "revenue", "status", "currency", .. ListNames];

    // The token syntaxes networks use, longest first.
    [GeneratedRegex(@"\$\{[^{}]+\}|#\{[^{}]+\}|\{\{[^{}]+\}\}|\{[^{}]+\}|\[\[\[[^\[\]]+\]\]\]|\[\[[^\[\]]+\]\]|\[=[^\[\]=]+=\]|\[[^\[\]]+\]|##[A-Za-z0-9_.]+##|#[A-Za-z0-9_.]+#|%[A-Za-z][A-Za-z0-9_.]*%|<[A-Za-z0-9_.]+>")]
    private static partial Regex TokenPattern();

    // Jumbleberry's whole-value tokens: xxc1xx, xxpayoutxx.
    [GeneratedRegex(@"^xx[a-z0-9_]+xx$")]
    private static partial Regex XxTokenPattern();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial Regex PlainAmount();

    [GeneratedRegex(@"^[A-Za-z]{3}$")]
    private static partial Regex IsoShape();

    [GeneratedRegex(@"payout|sum|amount|revenue|price|profit|commission|money|income", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyName();

    private sealed record Parameter(string Name, string RawValue);

    private sealed record Segment(string Text, bool IsToken);

    public static TemplateAnalysis Analyse(NetworkTemplate template)
    {
        var invalid = new List<string>();
        var notes = new List<string>();
        if (string.IsNullOrWhiteSpace(template.PostbackUrl))
        {
            invalid.Add("no postback URL: the network is connected some other way (a pixel or its own integration), so there is nothing to call");
            return new TemplateAnalysis(template, invalid, notes, false, (_, _) => []);
        }

        var queryStart = template.PostbackUrl.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? template.PostbackUrl : template.PostbackUrl[..queryStart];
        if (!path.EndsWith("/{postback_key}/postback", StringComparison.Ordinal))
            invalid.Add($"the URL '{path}' is not this tracker's postback URL");
        var parameters = (queryStart < 0 ? "" : template.PostbackUrl[(queryStart + 1)..])
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(kv => new Parameter(kv[0], kv.Length > 1 ? kv[1] : ""))
            .ToList();
        Parameter? Find(params string[] names) =>
            names.Select(n => parameters.FirstOrDefault(p => p.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(p => p is not null);

        var networkKnowsSubId = template.OfferParameters.Contains("{subid}", StringComparison.Ordinal);
        if (!networkKnowsSubId)
            invalid.Add($"the offer parameters '{template.OfferParameters}' never pass {{subid}} to the network, so it cannot send the click's subid back");

        var misspeltListWords = new List<(string Word, string Why)>();
        foreach (var p in parameters)
        {
            var name = p.Name.ToLowerInvariant();
            if (name.StartsWith("sub_id_", StringComparison.Ordinal) && int.TryParse(name[7..], out var n) && n > 15)
                notes.Add($"'{p.Name}' is beyond sub_id_15, the last click parameter a postback can update; its value is not stored");
            if (MoneyRelevantNames.Contains(name) || SubIdNames.Contains(name) || name.Length < 6) continue;
            var near = MoneyRelevantNames.FirstOrDefault(k => Distance(name, k) <= 2);
            if (near is not null)
            {
                invalid.Add($"'{p.Name}' looks like a misspelling of '{near}', which the tracker (like Keitaro) does not read: what it carries is lost");
                if (ListNames.Contains(near))
                    misspeltListWords.AddRange(Words(p.RawValue).Select(w => (w, $"a word the misspelt '{p.Name}' meant to map, so it is held as a lead")));
            }
            else if (name.EndsWith("_status", StringComparison.Ordinal) && name != "payment_status")
                notes.Add($"'{p.Name}' is not a Keitaro parameter, so the tracker ignores it (words only it lists, '{Uri.UnescapeDataString(p.RawValue)}', are held as leads)");
        }

        // subid: exactly one network token, filled with the click's subid.
        var subIdParam = Find(SubIdNames);
        var subIdBroken = !networkKnowsSubId;
        if (subIdParam is null)
        {
            invalid.Add("no subid parameter");
            subIdBroken = true;
        }
        else
        {
            var segments = Segments(subIdParam.RawValue);
            if (segments.Count != 1 || !segments[0].IsToken || IsPlaceholder(segments[0].Text))
            {
                invalid.Add(segments.All(s => !s.IsToken)
                    ? $"subid is the literal text '{subIdParam.RawValue}', not one of the network's tokens: every postback would name the same, non-existent click"
                    : $"subid is '{subIdParam.RawValue}': the network would send the click's subid with extra text around it, which names no click");
                subIdBroken = true;
            }
        }

        // payout: a token, a literal amount, or a placeholder the affiliate replaces with an amount.
        var payoutParam = Find("payout", "revenue");
        var misspeltPayout = parameters.Any(p => Distance(p.Name.ToLowerInvariant(), "payout") is > 0 and <= 2 && p.Name.Length >= 6);
        string? payoutValue = null;
        string? payoutError = null;
        if (payoutParam is not null)
        {
            var choice = FirstAlternative(payoutParam.RawValue);
            var segments = Segments(choice);
            if (segments.Count == 1 && (segments[0].IsToken || IsPlaceholder(segments[0].Text)))
                payoutValue = TokenPayout;
            else if (segments.Count == 1 && PlainAmount().IsMatch(segments[0].Text))
                payoutValue = segments[0].Text;
            else
            {
                payoutError = choice.Length == 0 ? "payout is empty" : $"payout is '{payoutParam.RawValue}', neither a token nor an amount";
                invalid.Add($"{payoutError}: the tracker refuses every such postback as malformed");
            }
        }
        var autoPayout = payoutParam is not null || misspeltPayout;

        // currency: a token (the network sends EUR), an ISO code, or a placeholder (the affiliate types USD).
        var currencyParam = Find("currency");
        string? currency = null;
        string? currencyError = null;
        if (currencyParam is not null && currencyParam.RawValue.Length > 0)
        {
            var choice = FirstAlternative(currencyParam.RawValue);
            var segments = Segments(choice);
            if (segments.Count == 1 && IsPlaceholder(segments[0].Text)) currency = "USD";
            else if (segments.Count == 1 && segments[0].IsToken) currency = TokenCurrency;
            else if (segments.Count == 1 && IsoShape().IsMatch(segments[0].Text)) currency = segments[0].Text.ToUpperInvariant();
            else
            {
                currencyError = $"currency is the literal '{currencyParam.RawValue}', neither an ISO 4217 code nor a token";
                invalid.Add($"{currencyError}: the tracker refuses every such postback as malformed");
            }
        }

        // The status lists, exactly as the network's URL carries them.
        var lists = ListNames.ToDictionary(n => n, n => Words(Find(n)?.RawValue));
        var statusParam = Find("status");
        var hasLists = lists["lead_status"].Count + lists["sale_status"].Count + lists["rejected_status"].Count > 0;
        var statusWords = new List<(string Word, string Why)>();
        if (statusParam is null || statusParam.RawValue.Length == 0)
        {
            if (hasLists)
                invalid.Add("it maps status words (lead_status/sale_status/rejected_status) but sends no status, so every postback counts as a sale");
            statusWords.Add(("", "no status sent"));
        }
        else
        {
            var raw = statusParam.RawValue;
            var alternatives = raw.Contains(',') ? raw.Split(',') : [raw];
            var segments = Segments(raw);
            if (alternatives.Length > 1)
            {
                foreach (var word in alternatives) statusWords.Add((Uri.UnescapeDataString(word), "one of the status words the template offers"));
            }
            else if (segments.Count == 1 && IsPlaceholder(segments[0].Text))
            {
                var typed = hasLists
                    ? lists["lead_status"].Take(1).Concat(lists["sale_status"].Take(1)).Concat(lists["rejected_status"].Take(1))
                    : ["lead", "sale", "rejected"];
                foreach (var word in typed) statusWords.Add((word, "typed by the affiliate in place of REPLACE"));
            }
            else if (segments.Any(s => s.IsToken))
            {
                var tokenNames = segments.Where(s => s.IsToken).Select(s => s.Text).ToList();
                if (tokenNames.Any(t => MoneyName().IsMatch(t)))
                {
                    invalid.Add($"status carries the token {string.Join("", tokenNames)}, which names an amount: the network would send a number as the status, held as a lead");
                    statusWords.Add((TokenPayout, "the amount the network puts in the status"));
                }
                else if (hasLists)
                {
                    statusWords.AddRange(misspeltListWords);
                    foreach (var list in new[] { "lead_status", "sale_status", "rejected_status" })
                        foreach (var word in lists[list])
                            statusWords.Add((word, $"the network's word from {list}"));
                }
                else
                {
                    foreach (var word in new[] { "lead", "sale", "rejected" })
                        statusWords.Add((word, "the network's own status, in Keitaro's words (the template maps none)"));
                }
                if (!hasLists && tokenNames.Count > 0)
                    notes.Add("no status lists: the network must send lead, sale or rejected itself");
            }
            else
            {
                var word = Uri.UnescapeDataString(raw);
                statusWords.Add((word, "the fixed status of the template"));
                if (hasLists && !InAnyList(lists, word))
                    notes.Add($"status is always '{word}', so its status lists never apply");
            }
        }

        var isValid = invalid.Count == 0;
        IReadOnlyList<Play> Plays(string subId, int serial)
        {
            var plays = new List<Play>();
            var i = 0;
            foreach (var (word, why) in statusWords.DistinctBy(w => w.Word))
            {
                i++;
                var tokenValues = new Dictionary<string, string>(StringComparer.Ordinal);
                var (query, clickParameters) = BuildQuery(parameters, subIdParam, statusParam, word, payoutParam, payoutValue, currencyParam, currency,
                    subIdBroken ? "not-a-subid-of-this-tracker" : subId, $"tid-{serial}-{i}", tokenValues);
                var expected = Expect(word, lists, autoPayout, payoutValue, currency, Find("return")?.RawValue,
                    payoutError, currencyError, subIdBroken, clickParameters);
                plays.Add(new Play($"status '{word}' ({why})", query, expected));
                // Only one play for an invalid template: the point is the tracker's answer to the defect.
                if (!isValid) break;
            }
            return plays;
        }

        return new TemplateAnalysis(template, invalid, notes, autoPayout, Plays);
    }

    private static ExpectedResult Expect(
        string word, Dictionary<string, IReadOnlyList<string>> lists, bool autoPayout, string? payoutValue, string? currency,
        string? returnValue, string? payoutError, string? currencyError, bool subIdBroken, IReadOnlyDictionary<string, string> clickParameters)
    {
        var none = new Dictionary<string, string>();
        // The contract's order: a malformed postback is refused before the click is looked up.
        if (payoutError is not null) return new(400, "malformed: payout", null, 0, none);
        if (currencyError is not null) return new(400, "malformed: currency", null, 0, none);
        if (subIdBroken) return new(404, "unknown subid", null, 0, none);

        var status = ExpectedStatus(word, lists);
        var success = returnValue is { Length: > 0 } r ? Uri.UnescapeDataString(r) : null;
        if (status is null) return new(200, success ?? "ignored status:", null, 0, none);

        long revenue;
        if (!autoPayout)
            revenue = Money.ToMicros(FixedPayout);
        else
        {
            var amount = payoutValue is null ? 0m : decimal.Parse(payoutValue, CultureInfo.InvariantCulture);
            var code = currency ?? "USD";
            var rate = code == "USD" ? 1m : Rates[code];
            revenue = Money.ToMicros(amount * rate);
        }
        return new(200, success ?? "created:", status, revenue, clickParameters);
    }

    /// <summary>
    /// Keitaro's rules: the template's lists first (ignore, then sale, lead, rejected), then our own words
    /// (a first postback saying rebill is the sale), and any other word is held as a lead.
    /// </summary>
    private static ConversionStatus? ExpectedStatus(string word, Dictionary<string, IReadOnlyList<string>> lists)
    {
        var w = word.Trim();
        bool In(string list) => lists[list].Contains(w, StringComparer.OrdinalIgnoreCase);
        if (w.Length == 0) return ConversionStatus.Sale;
        if (In("ignore_status")) return null;
        if (In("sale_status")) return ConversionStatus.Sale;
        if (In("lead_status")) return ConversionStatus.Lead;
        if (In("rejected_status")) return ConversionStatus.Rejected;
        return w.ToLowerInvariant() switch
        {
            "sale" or "rebill" => ConversionStatus.Sale,
            "rejected" => ConversionStatus.Rejected,
            _ => ConversionStatus.Lead,
        };
    }

    private static (string Query, IReadOnlyDictionary<string, string> ClickParameters) BuildQuery(
        List<Parameter> parameters, Parameter? subIdParam, Parameter? statusParam, string statusWord,
        Parameter? payoutParam, string? payoutValue, Parameter? currencyParam, string? currency,
        string subId, string tid, Dictionary<string, string> tokenValues)
    {
        // What the network knows when it fills its tokens in.
        void Assign(Parameter? p, string? value)
        {
            if (p is null || value is null) return;
            foreach (var s in Segments(p.RawValue).Where(s => s.IsToken)) tokenValues.TryAdd(s.Text, value);
        }
        Assign(subIdParam, subId);
        Assign(parameters.FirstOrDefault(p => p.Name.Equals("tid", StringComparison.OrdinalIgnoreCase)), tid);
        if (payoutParam is not null && !IsChoice(payoutParam)) Assign(payoutParam, payoutValue);
        if (currencyParam is not null && !IsChoice(currencyParam)) Assign(currencyParam, currency);
        // The status word decides the status tokens: {goal}x{status} producing "2x5" means goal=2, status=5.
        if (statusParam is not null && statusWord.Length > 0 && !IsChoice(statusParam))
            SolveTokens(statusParam.RawValue, statusWord, tokenValues);

        var clickParameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = new List<string>();
        var other = 0;
        foreach (var p in parameters)
        {
            // A list of alternatives or a REPLACE placeholder: the affiliate (or network) puts one value there.
            var value = ReferenceEquals(p, statusParam) && IsChoice(p) ? Encode(statusWord)
                : ReferenceEquals(p, payoutParam) && IsChoice(p) && payoutValue is not null ? Encode(payoutValue)
                : ReferenceEquals(p, currencyParam) && IsChoice(p) && currency is not null ? Encode(currency)
                : Fill(p.RawValue);
            parts.Add($"{p.Name}={value}");

            var lower = p.Name.ToLowerInvariant();
            if (lower.StartsWith("sub_id_", StringComparison.Ordinal) && int.TryParse(lower[7..], out var n) && n is >= 1 and <= 15)
                clickParameters[lower] = Uri.UnescapeDataString(value);
        }
        return (string.Join('&', parts), clickParameters);

        string Fill(string raw)
        {
            var sb = new StringBuilder();
            foreach (var s in Segments(raw))
            {
                if (!s.IsToken) { sb.Append(EncodeLiteral(s.Text)); continue; }
                if (!tokenValues.TryGetValue(s.Text, out var v))
                    tokenValues[s.Text] = v = $"v{++other}";
                sb.Append(Encode(v));
            }
            return sb.ToString();
        }
    }

    /// <summary>A value offering alternatives (<c>rub,usd,eur</c>) or a REPLACE placeholder.</summary>
    private static bool IsChoice(Parameter p) => p.RawValue.Contains(',') || IsPlaceholder(p.RawValue);

    private static void SolveTokens(string template, string word, Dictionary<string, string> tokenValues)
    {
        var segments = Segments(template);
        var pattern = "^" + string.Concat(segments.Select(s => s.IsToken ? "(.+?)" : Regex.Escape(Uri.UnescapeDataString(s.Text)))) + "$";
        var match = Regex.Match(word, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!match.Success) return;
        var g = 1;
        foreach (var s in segments.Where(s => s.IsToken))
            tokenValues[s.Text] = match.Groups[g++].Value;
    }

    private static List<Segment> Segments(string raw)
    {
        if (XxTokenPattern().IsMatch(raw)) return [new Segment(raw, true)];
        var segments = new List<Segment>();
        var at = 0;
        foreach (Match m in TokenPattern().Matches(raw))
        {
            if (m.Index > at) segments.Add(new Segment(raw[at..m.Index], false));
            segments.Add(new Segment(m.Value, true));
            at = m.Index + m.Length;
        }
        if (at < raw.Length) segments.Add(new Segment(raw[at..], false));
        return segments;
    }

    /// <summary>REPLACE, [REPLACE], {replace}: the affiliate types a value there per goal.</summary>
    private static bool IsPlaceholder(string text) =>
        text.Trim('[', ']', '{', '}').Equals("replace", StringComparison.OrdinalIgnoreCase);

    private static string FirstAlternative(string raw) => raw.Split(',')[0];

    private static IReadOnlyList<string> Words(string? list) =>
        list is null ? [] : Uri.UnescapeDataString(list).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool InAnyList(Dictionary<string, IReadOnlyList<string>> lists, string word) =>
        lists.Values.Any(l => l.Contains(word, StringComparer.OrdinalIgnoreCase));

    private static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>Literal template text as an HTTP client sends it: existing %XX kept, anything unsafe escaped.</summary>
    private static string EncodeLiteral(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsAsciiLetterOrDigit(ch) || "-._~%,:@!$'()*;/".Contains(ch)) sb.Append(ch);
            else sb.Append(Uri.EscapeDataString(ch.ToString()));
        }
        return sb.ToString();
    }

    private static int Distance(string a, string b)
    {
        var d = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return d[b.Length];
    }
}
