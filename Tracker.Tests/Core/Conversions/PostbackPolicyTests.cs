using Microsoft.AspNetCore.WebUtilities;
using Tracker.Core.Amounts;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Offers;

namespace Tracker.Tests.Core.Conversions;

/// <summary>
/// The policy as the recorder drives it: each postback is decided against the state the previous
/// ones left, and applied. A case is a sequence of postbacks with the outcome each must have.
/// </summary>
public sealed class PostbackPolicyTests
{
    private static readonly ExchangeRates Rates = new("USD", new Dictionary<string, decimal> { ["EUR"] = 1.08m });

    private sealed class Ledger(Offer? offer)
    {
        private readonly Click _click = new() { Id = 7, SubId = "subid7", CampaignId = 3, StreamId = 4, OfferId = offer?.Id, AffiliateNetworkId = 5, CreatedAt = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc) };
        private readonly List<ConversionTransaction> _transactions = [];
        private DateTime _now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

        public Conversion? Conversion { get; private set; }
        public IReadOnlyList<ConversionTransaction> Transactions => _transactions;
        public Click Click => _click;

        public PostbackDecision Send(string query)
        {
            var fields = QueryHelpers.ParseQuery("subid=subid7&" + query)
                .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)));
            var parsed = PostbackParser.Parse(fields);
            Assert.True(parsed.IsValid, parsed.Error);
            var decision = PostbackPolicy.Decide(_click, Conversion, _transactions, offer, parsed.Postback!, Rates);
            if (decision.ChangesConversion)
            {
                _now = _now.AddMinutes(1);
                var applied = PostbackPolicy.Apply(decision, _click, Conversion, _transactions, parsed.Postback!.ClickParameters, _now);
                if (decision.Action == PostbackAction.Create) applied.Conversion.Id = 100;
                if (applied.NewTransaction is { } t)
                {
                    t.ConversionId = applied.Conversion.Id;
                    _transactions.Add(t);
                }
                Conversion = applied.Conversion;
            }
            return decision;
        }
    }

    private static Offer FixedOffer(bool rebills = false) => new()
    {
        Id = 12, Name = "Fixed", PayoutType = PayoutType.Cpa, PayoutAuto = false, PayoutMicros = 10_000_000, PayoutCurrency = "USD", Rebills = rebills,
    };

    private static Offer AutoOffer(bool rebills = false, string currency = "USD") => new()
    {
        Id = 12, Name = "Auto", PayoutType = PayoutType.Cpa, PayoutAuto = true, PayoutCurrency = currency, Rebills = rebills,
    };

    /// <summary>name → offer, postbacks with expected outcomes, final status (null: no conversion), revenue, rebills.</summary>
    private sealed record Case(
        Func<Offer?> Offer,
        (string Query, PostbackOutcome Outcome)[] Steps,
        ConversionStatus? FinalStatus,
        decimal Revenue = 0,
        int Rebills = 0);

    private static readonly Dictionary<string, Case> AllCases = new()
    {
        ["a first sale creates the conversion with the fixed payout"] = new(() => FixedOffer(),
            [("status=sale&payout=99", PostbackOutcome.Created)], ConversionStatus.Sale, 10m),
        ["no status means sale"] = new(() => FixedOffer(),
            [("payout=1", PostbackOutcome.Created)], ConversionStatus.Sale, 10m),
        ["a first lead holds the revenue"] = new(() => FixedOffer(),
            [("status=lead", PostbackOutcome.Created)], ConversionStatus.Lead, 10m),
        ["a first rejected is recorded as rejected"] = new(() => FixedOffer(),
            [("status=rejected", PostbackOutcome.Created)], ConversionStatus.Rejected, 10m),
        ["lead then sale confirms"] = new(() => FixedOffer(),
            [("status=lead", PostbackOutcome.Created), ("status=sale", PostbackOutcome.StatusChanged)], ConversionStatus.Sale, 10m),
        ["lead then rejected"] = new(() => FixedOffer(),
            [("status=lead", PostbackOutcome.Created), ("status=rejected", PostbackOutcome.StatusChanged)], ConversionStatus.Rejected, 10m),
        ["sale then rejected"] = new(() => FixedOffer(),
            [("status=sale", PostbackOutcome.Created), ("status=rejected", PostbackOutcome.StatusChanged)], ConversionStatus.Rejected, 10m),
        ["sale then lead is not allowed"] = new(() => FixedOffer(),
            [("status=sale", PostbackOutcome.Created), ("status=lead", PostbackOutcome.TransitionNotAllowed)], ConversionStatus.Sale, 10m),
        ["rejected then sale is not allowed"] = new(() => FixedOffer(),
            [("status=rejected", PostbackOutcome.Created), ("status=sale", PostbackOutcome.TransitionNotAllowed)], ConversionStatus.Rejected, 10m),
        ["rejected then lead is not allowed"] = new(() => FixedOffer(),
            [("status=rejected", PostbackOutcome.Created), ("status=lead", PostbackOutcome.TransitionNotAllowed)], ConversionStatus.Rejected, 10m),
        ["the same postback twice without tid is a duplicate"] = new(() => FixedOffer(),
            [("status=sale", PostbackOutcome.Created), ("status=sale", PostbackOutcome.DuplicateIgnored)], ConversionStatus.Sale, 10m),
        ["the same tid twice is a duplicate"] = new(() => FixedOffer(rebills: true),
            [("status=sale&tid=t1", PostbackOutcome.Created), ("status=sale&tid=t1", PostbackOutcome.DuplicateIgnored)], ConversionStatus.Sale, 10m),
        ["a status update may reuse the tid"] = new(() => FixedOffer(),
            [("status=lead&tid=x", PostbackOutcome.Created), ("status=sale&tid=x", PostbackOutcome.StatusChanged), ("status=sale&tid=x", PostbackOutcome.DuplicateIgnored)], ConversionStatus.Sale, 10m),
        ["without rebills a repeated sale with a new tid is ignored"] = new(() => AutoOffer(),
            [("status=sale&tid=a&payout=10", PostbackOutcome.Created), ("status=sale&tid=b&payout=3", PostbackOutcome.DuplicateIgnored)], ConversionStatus.Sale, 10m),
        ["with rebills a sale with a new tid adds revenue but no conversion"] = new(() => AutoOffer(rebills: true),
            [("status=sale&tid=a&payout=10", PostbackOutcome.Created), ("status=sale&tid=b&payout=3", PostbackOutcome.RebillAdded), ("status=sale&tid=c&payout=2.5", PostbackOutcome.RebillAdded)],
            ConversionStatus.Sale, 15.5m, 2),
        ["status rebill adds a rebill"] = new(() => AutoOffer(rebills: true),
            [("status=sale&tid=a&payout=10", PostbackOutcome.Created), ("status=rebill&tid=b&payout=4", PostbackOutcome.RebillAdded)], ConversionStatus.Sale, 14m, 1),
        ["a rebill's tid twice is a duplicate"] = new(() => AutoOffer(rebills: true),
            [("tid=a&payout=10", PostbackOutcome.Created), ("status=rebill&tid=b&payout=4", PostbackOutcome.RebillAdded), ("status=rebill&tid=b&payout=4", PostbackOutcome.DuplicateIgnored), ("status=sale&tid=b&payout=4", PostbackOutcome.DuplicateIgnored)],
            ConversionStatus.Sale, 14m, 1),
        ["a rejected rebill takes its revenue back"] = new(() => AutoOffer(rebills: true),
            [("tid=a&payout=10", PostbackOutcome.Created), ("status=rebill&tid=b&payout=4", PostbackOutcome.RebillAdded), ("status=rejected&tid=b", PostbackOutcome.StatusChanged), ("status=rejected&tid=b", PostbackOutcome.DuplicateIgnored)],
            ConversionStatus.Sale, 10m, 0),
        ["a rejected rebill cannot come back"] = new(() => AutoOffer(rebills: true),
            [("tid=a&payout=10", PostbackOutcome.Created), ("status=rebill&tid=b&payout=4", PostbackOutcome.RebillAdded), ("status=rejected&tid=b", PostbackOutcome.StatusChanged), ("status=rebill&tid=b&payout=4", PostbackOutcome.TransitionNotAllowed)],
            ConversionStatus.Sale, 10m, 0),
        ["rejecting the sale keeps the rebills apart"] = new(() => AutoOffer(rebills: true),
            [("tid=a&payout=10", PostbackOutcome.Created), ("status=rebill&tid=b&payout=4", PostbackOutcome.RebillAdded), ("status=rejected&tid=a", PostbackOutcome.StatusChanged)],
            ConversionStatus.Rejected, 14m, 1),
        ["a rebill without tid is ignored"] = new(() => AutoOffer(rebills: true),
            [("status=sale&payout=10", PostbackOutcome.Created), ("status=rebill&payout=4", PostbackOutcome.DuplicateIgnored)], ConversionStatus.Sale, 10m),
        ["a rebill on an offer without rebills is ignored"] = new(() => AutoOffer(),
            [("status=sale&tid=a&payout=10", PostbackOutcome.Created), ("status=rebill&tid=b&payout=4", PostbackOutcome.DuplicateIgnored)], ConversionStatus.Sale, 10m),
        ["a sale with a new tid on a lead confirms it rather than adding a rebill"] = new(() => AutoOffer(rebills: true),
            [("status=lead&tid=1&payout=5", PostbackOutcome.Created), ("status=sale&tid=2&payout=5", PostbackOutcome.StatusChanged), ("status=sale&tid=2&payout=5", PostbackOutcome.DuplicateIgnored)],
            ConversionStatus.Sale, 5m),
        ["a rebill is not added to a rejected conversion"] = new(() => AutoOffer(rebills: true),
            [("status=rejected&tid=1&payout=5", PostbackOutcome.Created), ("status=rebill&tid=2&payout=5", PostbackOutcome.TransitionNotAllowed)], ConversionStatus.Rejected, 5m),
        ["the first postback being a rebill counts as the sale"] = new(() => AutoOffer(rebills: true),
            [("status=rebill&tid=r1&payout=3", PostbackOutcome.Created)], ConversionStatus.Sale, 3m),
        ["ignore_status changes nothing"] = new(() => FixedOffer(),
            [("status=ping&ignore_status=ping,test", PostbackOutcome.IgnoredStatus)], null),
        ["ignore_status after a lead changes nothing"] = new(() => FixedOffer(),
            [("status=lead", PostbackOutcome.Created), ("status=test&ignore_status=ping%2Ctest", PostbackOutcome.IgnoredStatus)], ConversionStatus.Lead, 10m),
        ["the network's words map through the lists"] = new(() => FixedOffer(),
            [("status=2&lead_status=2,5&sale_status=1&rejected_status=3", PostbackOutcome.Created), ("status=1&lead_status=2,5&sale_status=1&rejected_status=3", PostbackOutcome.StatusChanged)],
            ConversionStatus.Sale, 10m),
        ["an unknown word is held as a lead"] = new(() => FixedOffer(),
            [("status=approved_soon", PostbackOutcome.Created), ("status=sale", PostbackOutcome.StatusChanged)], ConversionStatus.Sale, 10m),
        ["auto payout: confirming a lead takes the confirmed amount"] = new(() => AutoOffer(),
            [("status=lead&payout=5", PostbackOutcome.Created), ("status=sale&payout=7.25", PostbackOutcome.StatusChanged)], ConversionStatus.Sale, 7.25m),
        ["auto payout: confirming without payout keeps the amount"] = new(() => AutoOffer(),
            [("status=lead&payout=5", PostbackOutcome.Created), ("status=sale", PostbackOutcome.StatusChanged)], ConversionStatus.Sale, 5m),
        ["auto payout: rejecting keeps the stated amount for the record"] = new(() => AutoOffer(),
            [("status=lead&payout=5", PostbackOutcome.Created), ("status=rejected&payout=0", PostbackOutcome.StatusChanged)], ConversionStatus.Rejected, 5m),
        ["fixed payout: confirming ignores the postback's amount"] = new(() => FixedOffer(),
            [("status=lead&payout=5", PostbackOutcome.Created), ("status=sale&payout=7", PostbackOutcome.StatusChanged)], ConversionStatus.Sale, 10m),
        ["auto payout converts euros"] = new(() => AutoOffer(),
            [("payout=10&currency=eur", PostbackOutcome.Created)], ConversionStatus.Sale, 10.8m),
        ["a currency without rate is recorded, its revenue waiting"] = new(() => AutoOffer(),
            [("payout=10&currency=GBP", PostbackOutcome.Created)], ConversionStatus.Sale, 0m),
        ["a rebill in a currency without rate is added, its revenue waiting"] = new(() => AutoOffer(rebills: true),
            [("tid=a&payout=10", PostbackOutcome.Created), ("tid=b&payout=10&currency=GBP", PostbackOutcome.RebillAdded)], ConversionStatus.Sale, 10m, Rebills: 1),
        ["a second currency waiting on one conversion is refused"] = new(() => AutoOffer(rebills: true),
            [("tid=a&payout=10&currency=BRL", PostbackOutcome.Created), ("tid=b&payout=10&currency=GBP", PostbackOutcome.Failed)], ConversionStatus.Sale, 0m),
        ["a cpc conversion counts with no revenue"] = new(() => new Offer { Id = 12, PayoutType = PayoutType.Cpc, PayoutMicros = 50_000, PayoutCurrency = "USD" },
            [("payout=3", PostbackOutcome.Created)], ConversionStatus.Sale, 0m),
        ["a click without offer takes the postback's payout"] = new(() => null,
            [("payout=3", PostbackOutcome.Created)], ConversionStatus.Sale, 3m),
    };

    public static TheoryData<string> CaseNames => new(AllCases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void PostbackSequencesEndAsTheRightMoneyOnce(string name)
    {
        var c = AllCases[name];
        var ledger = new Ledger(c.Offer());
        for (var i = 0; i < c.Steps.Length; i++)
        {
            var decision = ledger.Send(c.Steps[i].Query);
            Assert.True(c.Steps[i].Outcome == decision.Outcome,
                $"step {i + 1} '{c.Steps[i].Query}': expected {c.Steps[i].Outcome}, got {decision.Outcome} — {decision.Message}");
            Assert.False(string.IsNullOrWhiteSpace(decision.Message));
        }
        if (c.FinalStatus is null)
        {
            Assert.Null(ledger.Conversion);
            return;
        }
        Assert.NotNull(ledger.Conversion);
        Assert.Equal(c.FinalStatus, ledger.Conversion.Status);
        Assert.Equal(Money.ToMicros(c.Revenue), ledger.Conversion.RevenueMicros);
        Assert.Equal(c.Rebills, ledger.Conversion.RebillCount);
        // Every accepted (subid, tid) is stored once.
        Assert.Equal(ledger.Transactions.Count, ledger.Transactions.Select(t => t.Tid).Distinct().Count());
    }

    [Fact]
    public void TheCreatedConversionCarriesTheClicksAttribution()
    {
        var ledger = new Ledger(FixedOffer());
        ledger.Send("status=approve&sale_status=approve&tid=T-1&payout=3");
        var c = ledger.Conversion!;
        Assert.Equal(("subid7", 7L, 3, 4, 12, 5), (c.SubId, c.ClickId, c.CampaignId, c.StreamId, c.OfferId, c.AffiliateNetworkId));
        Assert.Equal("approve", c.OriginalStatus);
        Assert.Equal("T-1", c.Tid);
        Assert.Equal(ledger.Click.CreatedAt, c.ClickedAt);
        Assert.Equal(10_000_000, c.OriginalPayoutMicros);
        Assert.Equal("USD", c.OriginalCurrency);
    }

    [Fact]
    public void AutoPayoutStoresWhatTheNetworkStated()
    {
        var ledger = new Ledger(AutoOffer());
        ledger.Send("payout=10&currency=eur");
        Assert.Equal((10_000_000L, "EUR", 10_800_000L), (ledger.Conversion!.OriginalPayoutMicros, ledger.Conversion.OriginalCurrency, ledger.Conversion.RevenueMicros));
    }

    [Fact]
    public void SubIdParametersUpdateTheClickWhenThePostbackIsTaken()
    {
        var ledger = new Ledger(FixedOffer());
        ledger.Send("status=ping&ignore_status=ping&sub_id_2=ignored");
        Assert.False(ledger.Click.Parameters.ContainsKey("sub_id_2"));
        ledger.Send("status=lead&sub_id_2=player42&sub_id_15=x");
        Assert.Equal("player42", ledger.Click.Parameters["sub_id_2"]);
        Assert.Equal("x", ledger.Click.Parameters["sub_id_15"]);
    }

    [Fact]
    public void TheMessageSaysWhyInWords()
    {
        var ledger = new Ledger(FixedOffer());
        Assert.Contains("mapped to sale", ledger.Send("status=ok&sale_status=ok").Message);
        Assert.Contains("not allowed", ledger.Send("status=lead").Message);
        Assert.Contains("already sale", ledger.Send("status=sale").Message);
        Assert.Contains("does not allow rebills", ledger.Send("status=rebill&tid=9").Message);
        var unknown = new Ledger(FixedOffer()).Send("status=weird");
        Assert.Contains("held as a lead", unknown.Message);
        var waiting = new Ledger(AutoOffer()).Send("payout=1&currency=GBP");
        Assert.Contains("waiting for a GBP rate (1 GBP kept)", waiting.Message);
        Assert.Contains("Settings → Exchange rates", waiting.Message);
    }

    [Fact]
    public void RevenueWaitingForARateIsKeptAndConvertedOnceTheRateExists()
    {
        var ledger = new Ledger(AutoOffer(rebills: true));
        ledger.Send("status=lead&tid=a&payout=100&currency=BRL");
        ledger.Send("status=sale&tid=a2&payout=120&currency=BRL");
        ledger.Send("status=rebill&tid=b&payout=30&currency=BRL");
        ledger.Send("status=rebill&tid=c&payout=5");
        ledger.Send("status=rebill&tid=d&payout=20&currency=BRL");
        ledger.Send("status=rejected&tid=d");
        var c = ledger.Conversion!;
        // Confirmed 120 BRL replaced the lead's 100; the rejected rebill no longer waits.
        Assert.Equal(("BRL", 150_000_000L, 5_000_000L), (c.PendingCurrency, c.PendingMicros, c.RevenueMicros));
        Assert.Equal((120_000_000L, "BRL"), (c.OriginalPayoutMicros, c.OriginalCurrency));

        Assert.Null(PendingRate.TryConvert(c, ledger.Transactions, Rates));
        Assert.Equal("BRL", c.PendingCurrency);

        var withBrl = new ExchangeRates("USD", new Dictionary<string, decimal> { ["BRL"] = 0.2m });
        var added = PendingRate.TryConvert(c, ledger.Transactions, withBrl);

        Assert.Equal(30_000_000L, added!.Value.Micros);
        Assert.Equal((null, 0L, 35_000_000L), (c.PendingCurrency, c.PendingMicros, c.RevenueMicros));
        Assert.All(ledger.Transactions, t => Assert.Equal(0, t.PendingMicros));
        Assert.Equal(6_000_000L, ledger.Transactions.Single(t => t.Tid == "b").RevenueMicros);
        Assert.Equal(0L, ledger.Transactions.Single(t => t.Tid == "d").RevenueMicros);
        // Converting again changes nothing.
        Assert.Null(PendingRate.TryConvert(c, ledger.Transactions, withBrl));
        Assert.Equal(35_000_000L, c.RevenueMicros);
    }

    [Fact]
    public void IgnoredAndRefusedDecisionsCannotBeApplied()
    {
        var ledger = new Ledger(FixedOffer());
        var decision = ledger.Send("status=x&ignore_status=x");
        Assert.Throws<InvalidOperationException>(() =>
            PostbackPolicy.Apply(decision, ledger.Click, null, [], new Dictionary<string, string>(), DateTime.UtcNow));
    }
}
