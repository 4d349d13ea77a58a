using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SQLitePCL;
using Tracker.Core.Campaigns;
using Tracker.Core.Clicks;
using Tracker.Core.Conversions;
using Tracker.Core.Networks;
using Tracker.Core.Offers;
using Tracker.Core.Reports;
using Tracker.Core.Settings;
using Tracker.Web.Data;
using Tracker.Web.Reports;

// Fills a fresh data directory with a realistic 90 days: 50 campaigns (3 streams, 10 offers each), 500
// offers in 25 groups on 20 networks, visitors from 100 countries, 10M clicks and 200k conversions
// (leads, sales, rejected, rebills), and the report rollups. Rows and rollups are written directly with
// prepared statements in big transactions.
//
//   dotnet run -c Release --project bench/Seed -- <data directory> [clicks] [conversions] [time zone] [api key] [sub_id_1 values]
//
// sub_id_1 values (default 5,000, Zipf-skewed): bench/report-alloc.sh asks for many, as the click
// benchmark's traffic (a distinct sub_id_1 per click) gives a sub_id_1 report one group per click.

var dataDir = Path.GetFullPath(args.Length > 0 ? args[0] : "bench-data");
var clickCount = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
var conversionCount = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 200_000;
var zone = args.Length > 3 ? args[3] : "Europe/Berlin";
var apiKey = args.Length > 4 ? args[4] : "bench-api-key-0123456789";
var subIdValues = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 5000;
const int Days = 90;
const int Campaigns = 50, OffersPerCampaign = 10, Networks = 20, Groups = 25, CountryCount = 100;

Directory.CreateDirectory(dataDir);
var dbPath = Path.Combine(dataDir, "tracker.db");
if (File.Exists(dbPath)) throw new InvalidOperationException($"{dbPath} exists: seed a fresh data directory.");
var watch = Stopwatch.StartNew();
var random = new Random(20261130);
var now = DateTime.UtcNow;
var start = now.AddDays(-Days);

// Schema and catalogue through EF, as the tracker would.
var options = new DbContextOptionsBuilder<TrackerDbContext>().UseSqlite($"Data Source={dbPath}").Options;
await using (var db = new TrackerDbContext(options))
{
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    db.Settings.Add(new TrackerSettings { TimeZone = zone, PostbackKey = "benchpostback", ApiKey = apiKey });
    for (var n = 1; n <= Networks; n++) db.AffiliateNetworks.Add(new AffiliateNetwork { Name = $"Network {n}", OfferParameters = "&sub1={subid}", CreatedAt = start, UpdatedAt = start });
    for (var g = 1; g <= Groups; g++) db.OfferGroups.Add(new OfferGroup { Name = $"Group {g}" });
    await db.SaveChangesAsync();
    for (var o = 1; o <= Campaigns * OffersPerCampaign; o++)
        db.Offers.Add(new Offer
        {
            Name = $"Offer {o}", Url = $"https://network.example/click?o={o}", AffiliateNetworkId = 1 + o % Networks, GroupId = 1 + o % Groups,
            PayoutType = o % OffersPerCampaign == 0 ? PayoutType.Cpc : PayoutType.Cpa, PayoutAuto = o % OffersPerCampaign != 0,
            PayoutMicros = o % OffersPerCampaign == 0 ? 20_000 : 0, PayoutCurrency = "USD", Rebills = o % 7 == 0, CreatedAt = start, UpdatedAt = start,
        });
    await db.SaveChangesAsync();
    for (var c = 1; c <= Campaigns; c++)
    {
        var streams = Enumerable.Range(0, 3).Select(s => new CampaignStream
        {
            Name = $"Stream {s + 1}", Type = s == 2 ? StreamType.Default : StreamType.Regular, Position = s, Weight = 50,
            Offers = [.. Enumerable.Range(0, OffersPerCampaign).Where(i => i % 3 == s).Select(i => new StreamOffer { OfferId = (c - 1) * OffersPerCampaign + i + 1, Share = 100 })],
        }).ToList();
        db.Campaigns.Add(new Campaign { Name = $"Campaign {c}", Alias = $"campaign-{c}", Streams = streams, CreatedAt = start, UpdatedAt = start });
    }
    await db.SaveChangesAsync();
}
int[] streamIds;
await using (var db = new TrackerDbContext(options))
    streamIds = await db.Streams.OrderBy(s => s.Id).Select(s => s.Id).ToArrayAsync(); // 3 per campaign, in order
Console.WriteLine($"catalogue: {watch.Elapsed.TotalSeconds:0.0} s");

// Skewed choices: a few big campaigns and countries, a long tail.
static double[] Zipf(int n, double s) { var w = Enumerable.Range(1, n).Select(i => 1 / Math.Pow(i, s)).ToArray(); var sum = w.Sum(); var acc = 0.0; return w.Select(x => acc += x / sum).ToArray(); }
static int Pick(double[] cumulative, Random r) { var i = Array.BinarySearch(cumulative, r.NextDouble()); return Math.Min(i >= 0 ? i : ~i, cumulative.Length - 1); }
var campaignWeights = Zipf(Campaigns, 0.8);
var offerWeights = Zipf(OffersPerCampaign, 0.7);
var countryWeights = Zipf(CountryCount, 1.1);
var subIdWeights = Zipf(subIdValues, 1.0);
var countries = Tracker.Core.Geo.CountryCode.All.Keys.Order().Take(CountryCount).ToArray();
string[] sources = ["facebook", "google", "tiktok", "taboola", "outbrain", "propeller", "zeropark", "push"];

var connection = new SqliteConnection($"Data Source={dbPath};Pooling=False");
connection.Open();
using (var pragma = connection.CreateCommand())
{
    pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;";
    pragma.ExecuteNonQuery();
}
var handle = connection.Handle!;
void Check(int rc) { if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, handle); }
Check(raw.sqlite3_prepare_v2(handle, """
    INSERT INTO clicks (SubId, CreatedAt, CampaignId, StreamId, OfferId, AffiliateNetworkId, Country, Ip, UserAgent, Referrer, Language,
        IsUnique, Parameters, CostMicros, CostCurrency, RevenueMicros, Trace, CostBaseMicros, Source, Keyword, SubId1, SubId2, SubId3, SubId4, SubId5)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', '', '', '', ?8, ?9, ?10, ?11, ?12, '[]', ?10, ?13, ?14, ?15, '', '', '', '')
    """, out var insertClick));
Check(raw.sqlite3_prepare_v2(handle, """
    INSERT INTO conversions (ClickId, SubId, CampaignId, StreamId, OfferId, AffiliateNetworkId, Status, OriginalStatus, RevenueMicros,
        OriginalPayoutMicros, OriginalCurrency, RebillCount, Tid, CreatedAt, ClickedAt, UpdatedAt)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?8, 'USD', ?9, NULL, ?10, ?11, ?10)
    """, out var insertConversion));
Check(raw.sqlite3_prepare_v2(handle, "INSERT INTO conversion_transactions (ConversionId, SubId, Tid, Status, IsRebill, RevenueMicros, CreatedAt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", out var insertTransaction));
void Text(sqlite3_stmt stmt, int i, string s) => Check(raw.sqlite3_bind_text(stmt, i, s));
void Step(sqlite3_stmt stmt) { var rc = raw.sqlite3_step(stmt); raw.sqlite3_reset(stmt); if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, handle); }
static string Stamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

var rollups = new RollupBatch();
using var statements = new RollupStatements(connection);
var conversionRate = (double)conversionCount / clickCount;
var gapTicks = (now - start).Ticks / (double)clickCount;
var click = new Click();
var t = start;
long conversions = 0, rebills = 0;
var json = new StringBuilder();
Check(raw.sqlite3_exec(handle, "BEGIN"));
for (long id = 1; id <= clickCount; id++)
{
    t = t.AddTicks((long)(-Math.Log(1 - random.NextDouble()) * gapTicks));
    if (t > now) t = now;
    var campaign = 1 + Pick(campaignWeights, random);
    var offerIndex = Pick(offerWeights, random);
    var offer = (campaign - 1) * OffersPerCampaign + offerIndex + 1;
    var stream = streamIds[(campaign - 1) * 3 + offerIndex % 3];
    var network = 1 + offer % Networks;
    var country = random.NextDouble() < 0.7 ? countries[(campaign * 7 + random.Next(3)) % 20] : countries[Pick(countryWeights, random)];
    var source = sources[(campaign + random.Next(2)) % sources.Length];
    var subId1 = "zone" + Pick(subIdWeights, random);
    var keyword = random.Next(4) == 0 ? "" : "kw" + random.Next(50);
    var cost = campaign % 5 < 3 ? 5_000 + random.Next(45_000) : 0;
    var cpc = offer % OffersPerCampaign == 0 ? 20_000 : 0;
    var subId = SubId.New(t);
    json.Clear().Append("{\"sub_id_1\":\"").Append(subId1).Append("\",\"source\":\"").Append(source).Append('"');
    if (keyword.Length > 0) json.Append(",\"keyword\":\"").Append(keyword).Append('"');
    json.Append('}');

    Text(insertClick, 1, subId);
    Text(insertClick, 2, Stamp(t));
    raw.sqlite3_bind_int64(insertClick, 3, campaign);
    raw.sqlite3_bind_int64(insertClick, 4, stream);
    raw.sqlite3_bind_int64(insertClick, 5, offer);
    raw.sqlite3_bind_int64(insertClick, 6, network);
    Text(insertClick, 7, country);
    var unique = random.Next(5) > 0;
    raw.sqlite3_bind_int64(insertClick, 8, unique ? 1 : 0);
    Text(insertClick, 9, json.ToString());
    raw.sqlite3_bind_int64(insertClick, 10, cost);
    Text(insertClick, 11, cost > 0 ? "USD" : "");
    raw.sqlite3_bind_int64(insertClick, 12, cpc);
    Text(insertClick, 13, source);
    Text(insertClick, 14, keyword);
    Text(insertClick, 15, subId1);
    Step(insertClick);

    click.CreatedAt = t; click.CampaignId = campaign; click.StreamId = stream; click.OfferId = offer; click.AffiliateNetworkId = network;
    click.Country = country; click.IsUnique = unique; click.CostBaseMicros = cost; click.RevenueMicros = cpc;
    rollups.AddClick(click);

    if (cpc == 0 && random.NextDouble() < conversionRate / 0.9)
    {
        var at = t.AddMinutes(1 + random.Next(2 * 24 * 60));
        if (at > now) at = now;
        var roll = random.Next(100);
        var status = roll < 25 ? ConversionStatus.Lead : roll < 90 ? ConversionStatus.Sale : ConversionStatus.Rejected;
        var revenue = 1_000_000L * (1 + random.Next(50));
        var rebillTimes = status == ConversionStatus.Sale && offer % 7 == 0 ? Enumerable.Range(1, 1 + random.Next(3)).Select(k => at.AddDays(7 * k)).Where(x => x <= now).ToList() : [];
        const long RebillMicros = 5_000_000;
        conversions++;
        raw.sqlite3_bind_int64(insertConversion, 1, id);
        Text(insertConversion, 2, subId);
        raw.sqlite3_bind_int64(insertConversion, 3, campaign);
        raw.sqlite3_bind_int64(insertConversion, 4, stream);
        raw.sqlite3_bind_int64(insertConversion, 5, offer);
        raw.sqlite3_bind_int64(insertConversion, 6, network);
        Text(insertConversion, 7, status.ToString());
        raw.sqlite3_bind_int64(insertConversion, 8, revenue + rebillTimes.Count * RebillMicros);
        raw.sqlite3_bind_int64(insertConversion, 9, rebillTimes.Count);
        Text(insertConversion, 10, Stamp(at));
        Text(insertConversion, 11, Stamp(t));
        Step(insertConversion);
        var conversionId = raw.sqlite3_last_insert_rowid(handle);
        void Transaction(string tid, ConversionStatus s, bool isRebill, long micros, DateTime when)
        {
            raw.sqlite3_bind_int64(insertTransaction, 1, conversionId);
            Text(insertTransaction, 2, subId);
            Text(insertTransaction, 3, tid);
            Text(insertTransaction, 4, s.ToString());
            raw.sqlite3_bind_int64(insertTransaction, 5, isRebill ? 1 : 0);
            raw.sqlite3_bind_int64(insertTransaction, 6, micros);
            Text(insertTransaction, 7, Stamp(when));
            Step(insertTransaction);
        }
        Transaction("", status, false, revenue, at);
        var facts = new List<RebillFact>();
        for (var k = 0; k < rebillTimes.Count; k++)
        {
            Transaction($"r{k}", ConversionStatus.Rebill, true, RebillMicros, rebillTimes[k]);
            facts.Add(new RebillFact(rebillTimes[k], RebillMicros, false));
            rebills++;
        }
        rollups.AddConversionChange(RollupKey.Of(0, campaign, stream, offer, network, country), t, [],
            ConversionContribution.Parts(status, revenue + rebillTimes.Count * RebillMicros, at, facts));
    }

    if (id % 500_000 == 0)
    {
        rollups.Write(statements);
        Check(raw.sqlite3_exec(handle, "COMMIT"));
        Check(raw.sqlite3_exec(handle, "BEGIN"));
        Console.WriteLine($"{id:N0} clicks, {conversions:N0} conversions: {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
rollups.Write(statements);
Check(raw.sqlite3_exec(handle, "COMMIT"));
insertClick.Dispose(); insertConversion.Dispose(); insertTransaction.Dispose();
statements.Dispose();
connection.Close();
Console.WriteLine($"{clickCount:N0} clicks, {conversions:N0} conversions, {rebills:N0} rebills written: {watch.Elapsed.TotalSeconds:0.0} s");

await new RollupBuilder(dbPath, NullLogger.Instance).BuildDaysAsync(zone, CancellationToken.None);
await using (var done = new SqliteConnection($"Data Source={dbPath};Pooling=False"))
{
    done.Open();
    using var command = done.CreateCommand();
    command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
    command.ExecuteNonQuery();
    command.CommandText = "SELECT Grain, COUNT(*) FROM report_rollups GROUP BY Grain";
    using var reader = command.ExecuteReader();
    while (reader.Read()) Console.WriteLine($"rollup rows, grain {reader.GetInt64(0)}: {reader.GetInt64(1):N0}");
}
Console.WriteLine($"day rollups in {zone}; done in {watch.Elapsed.TotalSeconds:0.0} s; database {new FileInfo(dbPath).Length / 1e9:0.00} GB");
