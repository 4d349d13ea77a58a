using Tracker.Core.Amounts;

namespace Tracker.Core.Conversions;

/// <summary>
/// Reads a postback's parameters the Keitaro way: names case-insensitive, <c>subid</c> with its aliases
/// (<c>clickid</c>, <c>click_id</c>, <c>cid</c>, <c>sub_id</c>), <c>payout</c> or <c>revenue</c>,
/// amounts in the invariant culture. Where a name appears more than once, the first non-empty value
/// wins (the query string is offered before the body).
/// </summary>
public static class PostbackParser
{
    public const int MaxSubIdLength = 100;
    public const int MaxStatusLength = 100;
    public const int MaxTidLength = 200;
    public const int MaxFromLength = 200;
    public const int MaxClickParameterLength = 1000;
    public const int ClickParameterCount = 15;

    /// <summary>Accepted names for the subid, in priority order.</summary>
    public static readonly IReadOnlyList<string> SubIdNames = ["subid", "clickid", "click_id", "cid", "sub_id"];

    /// <summary>Accepted names for the payout, in priority order.</summary>
    public static readonly IReadOnlyList<string> PayoutNames = ["payout", "revenue"];

    public static PostbackParseResult Parse(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rawName, rawValue) in fields)
        {
            var name = rawName.Trim();
            if (name.Length == 0) continue;
            present.Add(name);
            var value = rawValue ?? "";
            if (!values.TryGetValue(name, out var existing) || existing.Trim().Length == 0)
                values[name] = value;
        }

        string? First(IEnumerable<string> names) =>
            names.Select(n => values.TryGetValue(n, out var v) ? v.Trim() : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        var subId = First(SubIdNames);
        if (subId is null)
            return Fail("subid is missing: the network must send the click's subid as subid (or clickid, click_id, cid, sub_id).", null);
        if (subId.Length > MaxSubIdLength)
            return Fail($"subid is longer than {MaxSubIdLength} characters, so it cannot be a subid of this tracker.", subId[..MaxSubIdLength]);

        decimal? payout = null;
        var payoutName = PayoutNames.FirstOrDefault(present.Contains);
        if (payoutName is not null)
        {
            var payoutText = First(PayoutNames) ?? "";
            if (!Money.TryParseAmount(payoutText, out var amount, out var error))
                return Fail($"{payoutName}: {(payoutText.Length == 0 ? "the value is empty (the network did not fill in its payout token)." : error)}", subId);
            payout = amount;
        }

        string? currency = null;
        var currencyText = First(["currency"]);
        if (currencyText is not null)
        {
            if (!CurrencyCode.IsValid(currencyText))
                return Fail($"currency '{Shorten(currencyText)}' is not an ISO 4217 code such as USD or EUR.", subId);
            currency = CurrencyCode.Normalize(currencyText);
        }

        var status = First(["status"]) ?? "";
        if (status.Length > MaxStatusLength)
            return Fail($"status is longer than {MaxStatusLength} characters.", subId);

        var tid = First(["tid"]) ?? "";
        if (tid.Length > MaxTidLength)
            return Fail($"tid is longer than {MaxTidLength} characters.", subId);

        var clickParameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i <= ClickParameterCount; i++)
        {
            var name = $"sub_id_{i}";
            if (!values.TryGetValue(name, out var v)) continue;
            if (v.Length > MaxClickParameterLength)
                return Fail($"{name} is longer than {MaxClickParameterLength} characters.", subId);
            clickParameters[name] = v;
        }

        var from = First(["from"]) ?? "";
        var postback = new ParsedPostback
        {
            SubId = subId,
            Status = status,
            Payout = payout,
            Currency = currency,
            Tid = tid,
            StatusMap = StatusMap.Parse(Raw("lead_status"), Raw("sale_status"), Raw("rejected_status"), Raw("ignore_status")),
            ClickParameters = clickParameters,
            From = from.Length > MaxFromLength ? from[..MaxFromLength] : from,
            Return = values.TryGetValue("return", out var ret) && ret.Length > 0 ? ret : null,
        };
        return new PostbackParseResult(postback, "", subId);

        string? Raw(string name) => values.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>
    /// True when a subid still carries a network's token syntax (<c>{sub1}</c>, <c>##CLICK_ID##</c>,
    /// <c>[subid]</c>…), which means the network sent its template without filling it in.
    /// </summary>
    public static bool LooksLikeUnfilledToken(string subId) =>
        subId.IndexOfAny(['{', '}', '[', ']', '#', '%', '<', '>', '$']) >= 0;

    private static PostbackParseResult Fail(string error, string? subId) => new(null, error, subId);

    private static string Shorten(string s) => s.Length <= 32 ? s : s[..32] + "…";
}
