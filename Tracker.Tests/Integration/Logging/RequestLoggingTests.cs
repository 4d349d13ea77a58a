using System.Net;
using Tracker.Tests.Infrastructure;
using static Tracker.Tests.Integration.Clicks.ClickTestKit;

namespace Tracker.Tests.Integration.Logging;

/// <summary>Request logs reach the rolling file, cannot be forged from a request, and skip the hot paths.</summary>
public sealed class RequestLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiRequestLineReachesTheRollingFileInTheDataDirectory()
    {
        await using var app = new TrackerApplication(new() { ["Serilog:MinimumLevel:Default"] = "Information" });
        var response = await app.CreateApiClient().GetAsync("/api/v1/offers", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var log = await WaitForLogAsync(app, text => text.Contains("HTTP GET /api/v1/offers responded 200", StringComparison.Ordinal));
        Assert.Contains("Serilog.AspNetCore.RequestLoggingMiddleware", log);
    }

    [Fact]
    public async Task ControlCharactersInARequestPathCannotStartAFakeLogLine()
    {
        await using var app = new TrackerApplication(new() { ["Serilog:MinimumLevel:Default"] = "Information" });
        // CR LF, a forged line and a terminal escape, percent-encoded in the path as an attacker sends them.
        var response = await app.CreateApiClient().GetAsync("/api/v1/offers%0D%0A2026-01-01 00:00:00.000 +00:00 [ERR] forged%1B[31m", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var log = await WaitForLogAsync(app, text => text.Contains("forged", StringComparison.Ordinal));
        var line = Assert.Single(log.Split('\n'), l => l.Contains("forged", StringComparison.Ordinal));
        Assert.Contains(@"/api/v1/offers\r\n2026-01-01 00:00:00.000 +00:00 [ERR] forged\u001b[31m", line);
        Assert.DoesNotContain('\u001b', log);
        Assert.DoesNotContain(log.Split('\n'), l => l.StartsWith("2026-01-01 00:00:00.000 +00:00 [ERR] forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClicksAndPostbacksSkipRequestLoggingEvenAtVerboseWhileTheApiIsLogged()
    {
        await using var app = CreateApp(settings: new() { ["Serilog:MinimumLevel:Default"] = "Verbose" });
        await app.SimpleCampaignAsync("quiet-click");
        var click = await app.Visitor(AmericanIp).GetAsync("/quiet-click?sub_id_1=abc", Ct);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        var key = app.Service<Tracker.Web.Services.SettingsStore>().Current.PostbackKey;
        var postback = await app.CreateClient().GetAsync($"/{key}/postback?subid=nosuchclick&status=sale", Ct);
        Assert.Equal(HttpStatusCode.NotFound, postback.StatusCode);
        await app.CreateApiClient().GetAsync("/api/v1/campaigns", Ct);

        var log = await WaitForLogAsync(app, text => text.Contains("HTTP GET /api/v1/campaigns responded", StringComparison.Ordinal));
        Assert.DoesNotContain("HTTP GET /quiet-click", log);
        Assert.DoesNotContain("/postback responded", log);
    }

    private static async Task<string> WaitForLogAsync(TrackerApplication app, Func<string, bool> done)
    {
        var folder = Path.Combine(app.DataDirectory, "logs");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var text = "";
        while (DateTime.UtcNow < deadline)
        {
            text = Directory.Exists(folder)
                ? string.Concat(Directory.GetFiles(folder, "tracker-*.log").Select(Read))
                : "";
            if (done(text)) return text;
            await Task.Delay(50, Ct);
        }
        Assert.Fail($"The log in {folder} never showed the expected line. It holds:\n{text}");
        return text;
    }

    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
