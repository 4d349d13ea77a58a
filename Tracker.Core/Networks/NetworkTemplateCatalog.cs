namespace Tracker.Core.Networks;

/// <summary>
/// Built-in templates for well-known affiliate networks and network platforms. The facts are each
/// network's own parameter names: where it takes the subid on an offer link, and which of its macros
/// fill Tracker's postback parameters. Statuses are mapped with <c>lead_status</c>, <c>sale_status</c>
/// and <c>rejected_status</c> because networks speak their own status words (often numbers).
/// </summary>
public static class NetworkTemplateCatalog
{
    public static IReadOnlyList<NetworkTemplate> All { get; } =
    [
        // Network platforms: many networks run on one of these and share its parameter names.
        T("affise", "Affise", "&sub1={subid}",
            "subid={sub1}&payout={sum}&currency={currency}&status={status}&tid={transactionid}&lead_status=2,5&sale_status=1&rejected_status=3",
            "Networks running on the Affise platform. Affise sends numeric statuses: 1 approved (sale), 2 pending and 5 hold (lead), 3 declined (rejected)."),
        T("everflow", "Everflow", "&sub1={subid}",
            "subid={sub1}&payout={payout_amount}&tid={transaction_id}",
            "Networks running on Everflow. Add the URL as a postback in the partner portal; each call is an approved conversion."),
        T("hasoffers", "HasOffers", "&aff_sub={subid}",
            "subid={aff_sub}&payout={payout}&currency={currency}&tid={transaction_id}",
            "Networks on HasOffers by TUNE that take your id in aff_sub; aff_sub2 to aff_sub5 stay free for your own data."),
        T("tune", "TUNE", "&aff_click_id={subid}",
            "subid={aff_click_id}&payout={payout}&currency={currency}&tid={transaction_id}",
            "TUNE networks that take the click id in aff_click_id and return it in the postback."),
        T("cake", "CAKE", "&s2={subid}",
            "subid=#s2#&payout=#price#&tid=#tid#",
            "Networks running on CAKE. CAKE has sub ids s1 to s5; the subid travels in s2 and comes back as the #s2# token."),
        T("scaleo", "Scaleo", "&aff_click_id={subid}",
            "subid={aff_click_id}&payout={payout}&currency={currency}&status={conv_status}&lead_status=pending&sale_status=approved&rejected_status=rejected,trash",
            "Networks running on Scaleo. Statuses: pending (lead), approved (sale), rejected or trash (rejected)."),
        T("alanbase", "Alanbase", "&sub_id1={subid}",
            "subid={sub_id1}&payout={revenue}&currency={currency}&status={status}&lead_status=pending,hold&sale_status=confirmed",
            "Networks running on Alanbase (often iGaming). Statuses: pending or hold (lead), confirmed (sale)."),
        T("cellxpert", "Cellxpert", "&afp1={subid}",
            "subid=[afp1]&payout=[CommissionAmount]",
            "Brand programmes on Cellxpert (iGaming, trading). For a registration postback add &status=lead; a postback without a status counts as a sale."),
        T("keitaro", "Keitaro", "&external_id={subid}",
            "subid={external_id}&payout={revenue}&status={status}&tid={tid}",
            "Sending traffic on to a Keitaro tracker: the subid goes in as its external_id and comes back in its postback. Keitaro's statuses (lead, sale, rejected) are the same as Tracker's."),

        // CPA networks.
        T("maxbounty", "MaxBounty", "&s2={subid}",
            "subid=#S2#&payout=#RATE#&currency=USD",
            "MaxBounty uses CAKE-style #…# tokens and pays in US dollars."),
        T("clickdealer", "ClickDealer", "&s2={subid}",
            "subid=#s2#&payout=#price#",
            "ClickDealer runs on CAKE: the subid travels in s2."),
        T("ad2games", "ad2games", "&s2={subid}",
            "subid=#s2#&payout=#price#&tid=#tid#",
            "Gaming offers on CAKE; the subid travels in s2."),
        T("advidi", "Advidi", "&s2={subid}",
            "subid=#s2#&tid=#tid#",
            "CAKE-based; the postback carries no amount, so the offer's fixed payout is used."),
        T("peerfly", "PeerFly", "&s1={subid}",
            "subid=%subid1%&payout=%commission%&currency=USD",
            "PeerFly's postback macros are written %name%."),
        T("admitad", "Admitad", "&subid={subid}",
            "subid=[[[subid]]]&payout=[[[payment_sum]]]&status=[[[payment_status]]]&lead_status=pending&sale_status=approved&rejected_status=declined",
            "Admitad macros use triple square brackets. Statuses: pending (lead), approved (sale), declined (rejected)."),
        T("mylead", "MyLead", "&ml_sub1={subid}",
            "subid=[ml_sub1]&payout=[payout]&currency=[currency]&status=[status]&tid=[transaction_id]&lead_status=pending,pre_approved&sale_status=approved&rejected_status=rejected",
            "MyLead macros use square brackets. Statuses: pending or pre_approved (lead), approved (sale), rejected."),
        T("terraleads", "TerraLeads", "&sub_id={subid}",
            "subid={sub_id}&payout={payment}&status={status}&tid={lead_id}&lead_status=accept,expect&sale_status=confirm&rejected_status=reject,fail,trash,error",
            "Nutra and cash-on-delivery leads: accept or expect while the call centre works the order (lead), confirm when approved (sale)."),
        T("kma", "KMA.biz", "&data1={subid}",
            "subid={data1}&payout={sum}&currency={currency}&status={status}&lead_status=P&sale_status=A&rejected_status=D,F",
            "Statuses are letters: P pending (lead), A approved (sale), D and F rejected."),
        T("everad", "Everad", "&sid5={subid}",
            "subid={sid5}&payout={payout}&currency={currency}&status={status}&lead_status=pending&sale_status=approved&rejected_status=rejected,trash",
            "Nutra offers; the subid travels in sid5. Statuses: pending (lead), approved (sale), rejected or trash."),
        T("rocketprofit", "RocketProfit", "&sid5={subid}",
            "subid={sid5}&payout={payout}&currency={currency}&status={status}&lead_status=pending&sale_status=approved&rejected_status=rejected,trash",
            "Same parameter names as Everad: the subid travels in sid5."),
        T("cpagrip", "CPAGrip", "&tracking_id={subid}",
            "subid={tracking_id}&payout={payout}",
            "Content locking and CPA offers; the subid travels in tracking_id."),
        T("cpalead", "CPAlead", "&subid={subid}",
            "subid={subid}&payout={payout}&tid={lead_id}",
            "CPAlead passes the subid back under the same name."),
        T("adworkmedia", "AdWorkMedia", "&sid={subid}",
            "subid={sid}&payout={amount}&tid={leadID}",
            "The subid travels in sid; leadID makes each conversion unique."),
        T("zeydoo", "Zeydoo", "&ymid={subid}",
            "subid={ymid}&payout={amount}&currency=USD",
            "Zeydoo takes the click id in ymid and pays in US dollars."),
        T("impact", "impact.com", "&subId1={subid}",
            "subid={subId1}&payout={payout}",
            "Brand partnerships on impact.com; subId1 carries the subid, subId2 and subId3 stay free."),
        T("clickbank", "ClickBank", "&tid={subid}",
            "subid={tid}&payout={affiliate_earnings}&currency=USD",
            "ClickBank hoplinks take a tracking id in tid; earnings are reported in US dollars."),
        T("3snet", "3SNet", "&sub1={subid}",
            "subid={sub1}&payout={sum}&currency={currency}&status={status}&tid={transactionid}&lead_status=2&sale_status=1&rejected_status=3",
            "Numeric statuses: 1 approved (sale), 2 pending (lead), 3 declined (rejected)."),
        T("cpamatica", "Cpamatica", "&click_id={subid}",
            "subid={click_id}&payout={payout}&currency={currency}&tid={transaction_id}",
            "The subid travels in click_id; transaction_id makes each conversion unique."),
        T("affstar", "Affstar", "&sub_id1={subid}",
            "subid={sub_id1}&payout={amount}&currency={currency}&status={status}&lead_status=new&sale_status=approved&rejected_status=rejected,trash",
            "Statuses: new (lead), approved (sale), rejected or trash."),
        T("leadreaktor", "LeadReaktor", "&sub1={subid}",
            "subid={sub1}&payout={profit}&currency=USD&status={status}&tid={lead_id}&lead_status=waiting&sale_status=approved&rejected_status=canceled",
            "Statuses: waiting (lead), approved (sale), canceled (rejected)."),
        T("webvork", "Webvork", "&utm_medium={subid}",
            "subid={utm_medium}&payout={money}&currency={currency}",
            "Webvork takes the subid in utm_medium."),
        T("trafficpartners", "Traffic.Partners", "&aff_click_id={subid}",
            "subid={aff_click_id}&payout={payout}&currency=USD&status={status}&tid={transaction_id}&lead_status=pending&sale_status=approved&rejected_status=trash",
            "Statuses: pending (lead), approved (sale), trash (rejected)."),
        T("adsempire", "AdsEmpire", "&clickid={subid}",
            "subid={clickid}&payout={payout}&currency={currency}&status={conversionType}&tid={tds_cid}&lead_status=lead,install&sale_status=sale,confirm",
            "Dating and sweepstakes offers. Conversion types: lead or install (lead), sale or confirm (sale)."),
        T("broleads", "Broleads", "&clickid={subid}",
            "subid={clickid}&payout={pay_sum}&currency=USD&status={status}&lead_status=created&sale_status=confirmed,valid&rejected_status=trashed,canceled",
            "Statuses: created (lead), confirmed or valid (sale), trashed or canceled (rejected)."),
        T("cpahouse", "CPA.House", "&sub_id_1={subid}",
            "subid={sub_id_1}&payout={amount_commission}&currency={currency_code}&status={status}&lead_status=new,in_processing&sale_status=accepted",
            "Statuses: new or in_processing (lead), accepted (sale)."),
        T("leadstech", "Leads.tech", "&sub6={subid}",
            "subid={sub6}&payout={sum}&currency={currency}&status={status}&lead_status=0&sale_status=1&rejected_status=2",
            "Numeric statuses: 0 pending (lead), 1 approved (sale), 2 rejected."),
        T("guruleads", "Guruleads", "&sub6={subid}",
            "subid={sub6}&payout={sum}&currency={currency}&status={status}&lead_status=2&sale_status=1&rejected_status=3",
            "Numeric statuses: 1 approved (sale), 2 pending (lead), 3 rejected."),
        T("leadcash", "Lead-Cash", "&sub8={subid}",
            "subid={sub8}&payout={sum}&currency={currency}&status={status}&lead_status=pending,hold&sale_status=approved&rejected_status=declined",
            "The subid travels in sub8. Statuses: pending or hold (lead), approved (sale), declined (rejected)."),
        T("lemons", "Lemons.biz", "&sub1={subid}",
            "subid={sub1}&payout={sum}&currency={currency}&status={status}&lead_status=2,5&sale_status=1&rejected_status=3,rejected,trash",
            "Affise-style numeric statuses: 1 approved, 2 pending, 5 hold, 3 declined."),
        T("traforce", "Traforce", "&sub1={subid}",
            "subid={sub1}&payout={sum}&currency={currency}&status={status}&tid={transactionid}&lead_status=2,5&sale_status=1&rejected_status=3,4",
            "Numeric statuses: 1 approved (sale), 2 pending and 5 hold (lead), 3 and 4 rejected."),
        T("lospollos", "LosPollos", "&cid={subid}",
            "subid={cid}&payout={sum}&currency=USD",
            "Dating and mainstream smartlinks; the subid travels in cid."),
        T("trafee", "Trafee", "&ext_click_id={subid}",
            "subid={ext_click_id}&payout={sum}&currency=USD",
            "The subid travels in ext_click_id."),

        // Path style: the subid is an extra path segment of the offer link, not a query parameter.
        T("actionpay", "Actionpay", "/{subid}",
            "subid={subid2}&payout={payment}&currency={currency}&status={event}&lead_status=accepted&sale_status=paid&rejected_status=rejected",
            "Path style: the subid is added as a path segment of the offer link. Events: accepted (lead), paid (sale), rejected."),
        T("gagarin", "Gagarin.partners", "/{subid}",
            "subid={subid1}&payout={payment}&currency={currency}&status={event}&lead_status=created,accepted&sale_status=paid&rejected_status=rejected",
            "Path style: the subid is added as a path segment of the offer link. Events: created or accepted (lead), paid (sale), rejected."),
    ];

    private static readonly Dictionary<string, NetworkTemplate> ByKey =
        All.ToDictionary(t => t.Key, StringComparer.OrdinalIgnoreCase);

    public static NetworkTemplate? Find(string? key) =>
        key is not null && ByKey.TryGetValue(key, out var template) ? template : null;

    /// <summary>Templates whose name, key, parameters or description contain every word of the search.</summary>
    public static IReadOnlyList<NetworkTemplate> Search(string? text) =>
        All.Where(t => t.Matches(text)).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();

    // Every template names itself in `from`, which Tracker stores with each received postback.
    private static NetworkTemplate T(string key, string name, string offerParameters, string postbackParameters, string description) =>
        new(key, name, offerParameters, $"{postbackParameters}&from={Uri.EscapeDataString(name)}", description);
}
