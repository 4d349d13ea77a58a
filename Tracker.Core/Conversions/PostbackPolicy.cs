using Tracker.Core.Amounts;
using Tracker.Core.Clicks;
using Tracker.Core.Offers;

namespace Tracker.Core.Conversions;

/// <summary>
/// The one place that decides what a postback does: create the conversion, change its status, add or
/// reject a rebill, or ignore the postback with the reason. Statuses, transitions, rebills by
/// <c>tid</c>, duplicates and money are all decided here; the endpoint only loads and saves.
/// </summary>
public static class PostbackPolicy
{
    private const string AllowedChanges = "allowed: lead→sale, lead→rejected, sale→rejected, rebill→rejected";

    /// <param name="click">The click the postback's subid names.</param>
    /// <param name="conversion">The click's conversion, if it has one.</param>
    /// <param name="transactions">Every (subid, tid) already accepted for the click.</param>
    /// <param name="offer">The click's offer, if it reached one.</param>
    /// <param name="postback">The parsed postback.</param>
    /// <param name="rates">The settings' base currency and exchange rates.</param>
    public static PostbackDecision Decide(
        Click click,
        Conversion? conversion,
        IReadOnlyList<ConversionTransaction> transactions,
        Offer? offer,
        ParsedPostback postback,
        ExchangeRates rates)
    {
        ArgumentNullException.ThrowIfNull(click);
        var resolution = postback.ResolveStatus();
        var tid = postback.Tid;
        if (resolution.Source == StatusSource.Ignored)
            return Ignore(PostbackOutcome.IgnoredStatus, $"Status '{resolution.Word}' is in ignore_status: logged, nothing changed.", resolution, tid);
        var status = resolution.Status!.Value;

        if (conversion is null)
            return DecideCreate(offer, postback, rates, resolution, status, tid);

        var transaction = transactions.FirstOrDefault(t => string.Equals(t.Tid, tid, StringComparison.Ordinal));
        if (transaction is { IsRebill: true })
            return DecideForKnownRebill(transaction, status, resolution, tid);

        if (transaction is null && IsNewRebill(conversion, offer, status, tid))
        {
            if (conversion.Status == ConversionStatus.Rejected)
                return Ignore(PostbackOutcome.TransitionNotAllowed,
                    $"Rebill (tid '{tid}') not added: the conversion was rejected.", resolution, tid);
            var payout = PayoutRule.Revenue(offer, postback.Payout, postback.Currency, rates);
            if (!payout.Succeeded) return Refuse(payout.Error, resolution, tid);
            if (SecondPendingCurrency(conversion, payout) is { } clash) return Refuse(clash, resolution, tid);
            var total = Money.FromMicros(conversion.RevenueMicros + payout.Revenue.Micros);
            var added = payout.AwaitingRate
                ? $"+{payout.Stated} waiting for a {payout.Stated.Currency} rate, revenue still {Amount(total, rates.BaseCurrency)}"
                : $"revenue +{payout.Revenue}, now {Amount(total, rates.BaseCurrency)}";
            return new PostbackDecision
            {
                Action = PostbackAction.AddRebill,
                Outcome = PostbackOutcome.RebillAdded,
                Message = $"Rebill added (tid '{tid}', {Describe(resolution)}): {added}. {payout.Note}",
                Status = ConversionStatus.Rebill,
                OriginalStatus = resolution.Word,
                RevenueMicros = payout.Revenue.Micros,
                Stated = payout.Stated,
                AwaitingRate = payout.AwaitingRate ? payout.Stated : null,
                Tid = tid,
            };
        }

        if (status == ConversionStatus.Rebill)
            return Ignore(PostbackOutcome.DuplicateIgnored, WhyNoRebill(conversion, offer, transaction, tid), resolution, tid);

        return DecideStatusChange(conversion, transaction, offer, postback, rates, resolution, status, tid);
    }

    /// <summary>
    /// Applies a decision to the loaded rows: mutates <paramref name="conversion"/> and the matching
    /// transaction in place and returns the rows to insert. The endpoint saves them in one transaction.
    /// </summary>
    public static AppliedPostback Apply(
        PostbackDecision decision,
        Click click,
        Conversion? conversion,
        IReadOnlyList<ConversionTransaction> transactions,
        IReadOnlyDictionary<string, string> clickParameters,
        DateTime nowUtc)
    {
        if (!decision.ChangesConversion)
            throw new InvalidOperationException($"A {decision.Action} decision changes nothing to apply.");
        foreach (var (name, value) in clickParameters)
            click.Parameters[name] = value;

        // A bot's conversion is recorded but never counts toward a conversion cap (docs/click-path.md, Bots).
        var countedBefore = conversion is not null && !click.IsBot && ConversionStatuses.CountsTowardCap(conversion.Status);
        var existing = transactions.FirstOrDefault(t => string.Equals(t.Tid, decision.Tid, StringComparison.Ordinal));
        ConversionTransaction? added = null;
        switch (decision.Action)
        {
            case PostbackAction.Create:
                conversion = new Conversion
                {
                    ClickId = click.Id,
                    SubId = click.SubId,
                    CampaignId = click.CampaignId,
                    StreamId = click.StreamId,
                    OfferId = click.OfferId,
                    AffiliateNetworkId = click.AffiliateNetworkId,
                    Status = decision.Status!.Value,
                    OriginalStatus = decision.OriginalStatus,
                    RevenueMicros = decision.RevenueMicros!.Value,
                    OriginalPayoutMicros = decision.Stated!.Value.Micros,
                    OriginalCurrency = decision.Stated.Value.Currency,
                    Tid = decision.Tid.Length == 0 ? null : decision.Tid,
                    CreatedAt = nowUtc,
                    ClickedAt = click.CreatedAt,
                    UpdatedAt = nowUtc,
                };
                if (decision.AwaitingRate is { } waiting)
                {
                    conversion.PendingCurrency = waiting.Currency;
                    conversion.PendingMicros = waiting.Micros;
                }
                added = NewTransaction(conversion, decision.Tid, conversion.Status, isRebill: false, conversion.RevenueMicros, nowUtc);
                added.PendingMicros = conversion.PendingMicros;
                break;

            case PostbackAction.ChangeStatus:
                Require(conversion);
                var rebillRevenue = transactions.Where(t => t.IsRebill && t.Status == ConversionStatus.Rebill).Sum(t => t.RevenueMicros);
                var rebillsPending = transactions.Where(t => t.IsRebill && t.Status == ConversionStatus.Rebill).Sum(t => t.PendingMicros);
                var basePending = conversion.PendingMicros - rebillsPending;
                if (decision.RevenueMicros is { } newBase)
                {
                    conversion.RevenueMicros = checked(newBase + rebillRevenue);
                    conversion.OriginalPayoutMicros = decision.Stated!.Value.Micros;
                    conversion.OriginalCurrency = decision.Stated.Value.Currency;
                    // The confirmed amount replaces the base payout, and whatever of it waited.
                    basePending = decision.AwaitingRate?.Micros ?? 0;
                    conversion.PendingMicros = basePending + rebillsPending;
                    conversion.PendingCurrency = conversion.PendingMicros == 0 ? null : decision.AwaitingRate?.Currency ?? conversion.PendingCurrency;
                }
                conversion.Status = decision.Status!.Value;
                conversion.OriginalStatus = decision.OriginalStatus;
                conversion.UpdatedAt = nowUtc;
                var baseRevenue = conversion.RevenueMicros - rebillRevenue;
                if (existing is not null)
                {
                    existing.Status = conversion.Status;
                    existing.RevenueMicros = baseRevenue;
                    existing.PendingMicros = basePending;
                }
                else
                {
                    added = NewTransaction(conversion, decision.Tid, conversion.Status, isRebill: false, baseRevenue, nowUtc);
                    added.PendingMicros = basePending;
                }
                break;

            case PostbackAction.AddRebill:
                Require(conversion);
                conversion.RevenueMicros = checked(conversion.RevenueMicros + decision.RevenueMicros!.Value);
                conversion.RebillCount++;
                conversion.UpdatedAt = nowUtc;
                added = NewTransaction(conversion, decision.Tid, ConversionStatus.Rebill, isRebill: true, decision.RevenueMicros.Value, nowUtc);
                if (decision.AwaitingRate is { } rebillWaiting)
                {
                    conversion.PendingCurrency = rebillWaiting.Currency;
                    conversion.PendingMicros = checked(conversion.PendingMicros + rebillWaiting.Micros);
                    added.PendingMicros = rebillWaiting.Micros;
                }
                break;

            case PostbackAction.RejectRebill:
                Require(conversion);
                if (existing is not { IsRebill: true })
                    throw new InvalidOperationException($"No rebill with tid '{decision.Tid}' to reject.");
                existing.Status = ConversionStatus.Rejected;
                conversion.RevenueMicros -= existing.RevenueMicros;
                // A rejected rebill's waiting amount no longer waits: it will never be revenue.
                conversion.PendingMicros -= existing.PendingMicros;
                existing.PendingMicros = 0;
                if (conversion.PendingMicros <= 0)
                {
                    conversion.PendingMicros = 0;
                    conversion.PendingCurrency = null;
                }
                conversion.RebillCount = Math.Max(0, conversion.RebillCount - 1);
                conversion.UpdatedAt = nowUtc;
                break;

            case PostbackAction.Ignore:
            case PostbackAction.Refuse:
            default:
                throw new InvalidOperationException($"A {decision.Action} decision changes nothing to apply.");
        }
        return new AppliedPostback(conversion, added, countedBefore, !click.IsBot && ConversionStatuses.CountsTowardCap(conversion.Status));
    }

    private static PostbackDecision DecideCreate(
        Offer? offer, ParsedPostback postback, ExchangeRates rates, StatusResolution resolution, ConversionStatus status, string tid)
    {
        // A click's first postback that already says "rebill" means the sale's own postback never
        // arrived; the money is confirmed money, so it becomes the sale.
        var createStatus = status == ConversionStatus.Rebill ? ConversionStatus.Sale : status;
        var payout = PayoutRule.Revenue(offer, postback.Payout, postback.Currency, rates);
        if (!payout.Succeeded) return Refuse(payout.Error, resolution, tid);
        var asRebill = status == ConversionStatus.Rebill ? " (the click's first postback is a rebill, so it counts as the sale)" : "";
        var revenue = payout.AwaitingRate ? $"waiting for a {payout.Stated.Currency} rate ({payout.Stated} kept)" : payout.Revenue.ToString();
        return new PostbackDecision
        {
            Action = PostbackAction.Create,
            Outcome = PostbackOutcome.Created,
            Message = $"Conversion created as {createStatus.Word()}{asRebill} ({Describe(resolution)}), revenue {revenue}. {payout.Note}",
            Status = createStatus,
            OriginalStatus = resolution.Word,
            RevenueMicros = payout.Revenue.Micros,
            Stated = payout.Stated,
            AwaitingRate = payout.AwaitingRate ? payout.Stated : null,
            Tid = tid,
        };
    }

    private static PostbackDecision DecideStatusChange(
        Conversion conversion, ConversionTransaction? transaction, Offer? offer, ParsedPostback postback,
        ExchangeRates rates, StatusResolution resolution, ConversionStatus status, string tid)
    {
        var current = conversion.Status;
        if (status == current)
        {
            var why = transaction is not null
                ? $"Duplicate: tid '{tid}' was already recorded and the conversion is already {current.Word()}."
                : status == ConversionStatus.Sale && tid.Length > 0 && offer is { Rebills: false }
                    ? $"Repeated postback ignored: the conversion is already {current.Word()} and the offer does not allow rebills."
                    : $"Duplicate: the conversion is already {current.Word()}.";
            return Ignore(PostbackOutcome.DuplicateIgnored, why, resolution, tid);
        }
        if (!ConversionStatuses.IsAllowedChange(current, status))
            return Ignore(PostbackOutcome.TransitionNotAllowed,
                $"Status change {current.Word()}→{status.Word()} ({Describe(resolution)}) is not allowed ({AllowedChanges}); nothing changed.", resolution, tid);

        long? newBase = null;
        Money? stated = null;
        Money? awaiting = null;
        var revenueNote = "";
        // Confirming a lead on an Auto offer takes the confirmed amount the network now states.
        if (status == ConversionStatus.Sale && postback.Payout is not null && offer is { PayoutType: PayoutType.Cpa, PayoutAuto: true })
        {
            var payout = PayoutRule.Revenue(offer, postback.Payout, postback.Currency, rates);
            if (!payout.Succeeded) return Refuse(payout.Error, resolution, tid);
            if (SecondPendingCurrency(conversion, payout) is { } clash) return Refuse(clash, resolution, tid);
            newBase = payout.Revenue.Micros;
            stated = payout.Stated;
            awaiting = payout.AwaitingRate ? payout.Stated : null;
            revenueNote = payout.AwaitingRate
                ? $" Revenue set to {payout.Stated} from the postback, waiting for a {payout.Stated.Currency} rate."
                : $" Revenue set to {payout.Revenue} from the postback.";
        }
        return new PostbackDecision
        {
            Action = PostbackAction.ChangeStatus,
            Outcome = PostbackOutcome.StatusChanged,
            Message = $"Status changed {current.Word()}→{status.Word()} ({Describe(resolution)}).{revenueNote}",
            Status = status,
            OriginalStatus = resolution.Word,
            RevenueMicros = newBase,
            Stated = stated,
            AwaitingRate = awaiting,
            Tid = tid,
        };
    }

    private static PostbackDecision DecideForKnownRebill(ConversionTransaction rebill, ConversionStatus status, StatusResolution resolution, string tid)
    {
        if (status == ConversionStatus.Rejected && rebill.Status == ConversionStatus.Rebill)
            return new PostbackDecision
            {
                Action = PostbackAction.RejectRebill,
                Outcome = PostbackOutcome.StatusChanged,
                Message = $"Rebill (tid '{tid}') rejected ({Describe(resolution)}): its revenue {Money.FromMicros(rebill.RevenueMicros)} is taken back.",
                Status = ConversionStatus.Rejected,
                OriginalStatus = resolution.Word,
                RevenueMicros = rebill.RevenueMicros,
                Tid = tid,
            };
        if (status == rebill.Status || (rebill.Status == ConversionStatus.Rebill && status == ConversionStatus.Sale))
            return Ignore(PostbackOutcome.DuplicateIgnored, $"Duplicate: rebill tid '{tid}' was already recorded as {rebill.Status.Word()}.", resolution, tid);
        return Ignore(PostbackOutcome.TransitionNotAllowed,
            $"Rebill (tid '{tid}') is {rebill.Status.Word()}; changing it to {status.Word()} is not allowed ({AllowedChanges}).", resolution, tid);
    }

    /// <summary>
    /// A rebill needs an offer that allows rebills, a tid not seen for the subid, and the status
    /// rebill, or sale on a conversion that is already a sale (sale on a lead confirms the lead).
    /// </summary>
    private static bool IsNewRebill(Conversion conversion, Offer? offer, ConversionStatus status, string tid) =>
        offer is { Rebills: true } && tid.Length > 0
        && (status == ConversionStatus.Rebill
            || (status == ConversionStatus.Sale && conversion.Status == ConversionStatus.Sale));

    private static string WhyNoRebill(Conversion conversion, Offer? offer, ConversionTransaction? transaction, string tid)
    {
        if (offer is not { Rebills: true })
            return "Rebill ignored: the offer does not allow rebills (turn on Rebills in the offer to count them).";
        if (tid.Length == 0)
            return "Rebill ignored: it has no tid, and each rebill needs its own tid to be counted once.";
        if (transaction is not null)
            return $"Rebill ignored: tid '{tid}' is the conversion's own postback, not a new transaction.";
        return $"Rebill ignored: the conversion is {conversion.Status.Word()}.";
    }

    private static string Describe(StatusResolution r) => r.Source switch
    {
        StatusSource.Default => "no status sent, so sale",
        StatusSource.Native => $"status '{r.Word}'",
        StatusSource.Mapped => $"status '{r.Word}' mapped to {r.Status!.Value.Word()}",
        StatusSource.Unknown => $"status '{r.Word}' is not lead/sale/rejected/rebill and no lead_status, sale_status or rejected_status list names it, so it is held as a lead",
        StatusSource.Ignored => $"status '{r.Word}' ignored",
    };

    /// <summary>
    /// One conversion waits for one currency's rate at a time; a second currency waiting too (a BRL sale
    /// with a UAH rebill, neither rated) is refused with the way out, and logged with the raw request.
    /// </summary>
    private static string? SecondPendingCurrency(Conversion conversion, PayoutResult payout) =>
        payout.AwaitingRate && conversion.PendingCurrency is { } waiting && waiting != payout.Stated.Currency
            ? $"this conversion already waits for a {waiting} rate, and {payout.Stated.Currency} has no rate either. Add both in Settings → Exchange rates."
            : null;

    private static string Amount(decimal amount, string currency) => Money.FromDecimal(amount, currency).ToString();

    private static PostbackDecision Ignore(PostbackOutcome outcome, string message, StatusResolution resolution, string tid) => new()
    {
        Action = PostbackAction.Ignore,
        Outcome = outcome,
        Message = message,
        OriginalStatus = resolution.Word,
        Tid = tid,
    };

    private static PostbackDecision Refuse(string error, StatusResolution resolution, string tid) => new()
    {
        Action = PostbackAction.Refuse,
        Outcome = PostbackOutcome.Failed,
        Message = $"Not recorded: {error}",
        OriginalStatus = resolution.Word,
        Tid = tid,
    };

    private static ConversionTransaction NewTransaction(Conversion conversion, string tid, ConversionStatus status, bool isRebill, long revenueMicros, DateTime nowUtc) => new()
    {
        ConversionId = conversion.Id,
        SubId = conversion.SubId,
        Tid = tid,
        Status = status,
        IsRebill = isRebill,
        RevenueMicros = revenueMicros,
        CreatedAt = nowUtc,
    };

    private static void Require([System.Diagnostics.CodeAnalysis.NotNull] Conversion? conversion)
    {
        if (conversion is null) throw new InvalidOperationException("The decision needs an existing conversion.");
    }
}
