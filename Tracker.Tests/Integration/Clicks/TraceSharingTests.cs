using System.Net;
using Microsoft.Data.Sqlite;
using Tracker.Core.Clicks;
using Tracker.Tests.Infrastructure;
using Tracker.Tests.Integration.Api;
using Tracker.Web.Clicks;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Clicks;

/// <summary>
/// Decision-trace sentences that recur across clicks are stored once and named by id in the click
/// row (TraceLineInterner): rows shrink, and every trace still reads back in full.
/// </summary>
public sealed class TraceSharingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecurringSentencesAreStoredOnceAndEveryClickStillShowsItsWholeTrace()
    {
        await using var app = CreateApp();
        await app.SimpleCampaignAsync("shared-trace", "https://offer.example/lp?o=1&s={subid}");
        var visitor = app.Visitor(GermanIp);
        var subIds = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var response = await visitor.GetAsync("/shared-trace", Ct);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            subIds.Add(SubIdFrom(response.Headers.Location, "s"));
        }

        // Through the admin API every click's trace is whole: the same sentences as the first click's,
        // except that the redirect names each click's own subid.
        var api = app.CreateApiClient();
        var traces = new List<List<string>>();
        foreach (var subId in subIds)
        {
            var click = await (await api.GetAsync($"/api/v1/clicks/{subId}", Ct)).ExpectAsync(HttpStatusCode.OK);
            traces.Add(click["trace"]!.AsArray().Select(s => s!.GetValue<string>()).ToList());
        }
        var first = traces[0];
        Assert.Contains(first, s => s.StartsWith("Campaign ", StringComparison.Ordinal));
        Assert.Contains(first, s => s.Contains(subIds[0], StringComparison.Ordinal));
        for (var i = 1; i < traces.Count; i++)
        {
            Assert.Equal(first.Count, traces[i].Count);
            for (var j = 0; j < first.Count; j++)
                Assert.Equal(first[j].Replace(subIds[0], subIds[i], StringComparison.Ordinal), traces[i][j]);
            Assert.DoesNotContain(traces[i], s => s.StartsWith('\0') || s.Contains("is missing from trace_lines", StringComparison.Ordinal));
        }

        // In the database the recurring sentences are rows of trace_lines, each once, and the last
        // click's row names them by id: its stored trace is a fraction of the first click's.
        using var db = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "tracker.db")};Mode=ReadOnly;Pooling=False");
        db.Open();
        var shared = Query(db, "SELECT Text FROM trace_lines");
        Assert.NotEmpty(shared);
        Assert.Equal(shared.Count, shared.Distinct().Count());
        Assert.All(shared, s => Assert.Contains(s, first));
        Assert.DoesNotContain(shared, s => subIds.Any(id => s.Contains(id, StringComparison.Ordinal)));
        var sizes = Query(db, "SELECT length(Trace) FROM clicks ORDER BY Id").Select(int.Parse).ToList();
        Assert.True(sizes[^1] * 2 < sizes[0], $"stored trace sizes, first to last: {string.Join(", ", sizes)}");
        var kinds = Query(db, "SELECT j.type FROM clicks, json_each(clicks.Trace) AS j WHERE clicks.Id = (SELECT max(Id) FROM clicks)");
        Assert.Contains("integer", kinds);
        Assert.Contains("text", kinds);
    }

    [Fact]
    public async Task ASentenceSharedInATransactionThatRolledBackIsSharedAgainNotLeftDangling()
    {
        await using var app = CreateApp();
        _ = app.Server;
        var recorder = app.Service<ClickRecorder>();
        var refused = SubId.New();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "tracker.db")};Pooling=False"))
        {
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = $"CREATE TRIGGER refuse_one BEFORE INSERT ON clicks WHEN NEW.SubId = '{refused}' BEGIN SELECT RAISE(ABORT, 'refused'); END";
            trigger.ExecuteNonQuery();
        }
        const string sentence = "Regular stream \"Everyone\" (#1) matched and was chosen (the only matching regular stream).";

        // The sentence comes twice in one trace, so this click's own transaction shares it, and then
        // the click is refused: the shared row goes with the rollback.
        Assert.False(await recorder.RecordAsync(NewClick(refused), TraceOf(sentence, sentence)));
        var kept = NewClick(SubId.New());
        Assert.True(await recorder.RecordAsync(kept, TraceOf(sentence, sentence, "Sent by http (302) redirect to https://o.example/")));

        var api = app.CreateApiClient();
        var read = await (await api.GetAsync($"/api/v1/clicks/{kept.SubId}", Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([sentence, sentence, "Sent by http (302) redirect to https://o.example/"],
            read["trace"]!.AsArray().Select(s => s!.GetValue<string>()).ToList());
    }

    private static Click NewClick(string subId) => new()
    {
        SubId = subId,
        CreatedAt = DateTime.UtcNow,
        CampaignId = 1,
        Parameters = [],
    };

    private static DecisionTrace TraceOf(params string[] sentences)
    {
        var trace = DecisionTrace.Rent();
        foreach (var sentence in sentences) trace.Add(sentence);
        return trace;
    }

    private static List<string> Query(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
