using Microsoft.EntityFrameworkCore;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>
/// Plays every network of the affiliate-network catalogue against the real tracker: its postback URL
/// with its own tokens filled in, once per status word it can send, and checks the conversion's
/// status and payout. Templates whose format is invalid are played too, to show the tracker's
/// answer to the defect, and are listed with the reason.
/// </summary>
public sealed class NetworkTemplateSweepTests(NetworkTemplateSweepFixture fixture) : IClassFixture<NetworkTemplateSweepFixture>
{
    private static readonly Lazy<IReadOnlyList<NetworkTemplate>> Templates = new(NetworkTemplate.LoadAll);

    public static TheoryData<string> TemplateNames => new(Templates.Value.Select(t => t.Name));

    private static int _serial;

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public async Task NetworkTemplatePostbackEndsAsTheRightConversion(string name)
    {
        var bed = fixture.Bed;
        var output = TestContext.Current.TestOutputHelper!;
        var template = Templates.Value.Single(t => t.Name == name);
        var analysis = NetworkTemplatePlayer.Analyse(template);
        output.WriteLine($"{template.DisplayName}: {template.PostbackUrl}");
        foreach (var reason in analysis.InvalidReasons) output.WriteLine($"INVALID FORMAT: {reason}");
        foreach (var note in analysis.Notes) output.WriteLine($"note: {note}");

        var offer = await bed.AddOfferAsync(o =>
        {
            o.Name = template.DisplayName;
            o.PayoutAuto = analysis.AutoPayout;
        });
        var plays = analysis.Plays(TemplateAnalysis.SubIdSlot, Interlocked.Increment(ref _serial));
        if (!analysis.IsValid && plays.Count == 0)
        {
            Assert.NotEmpty(analysis.InvalidReasons);
            return;
        }
        Assert.NotEmpty(plays);

        var failures = new List<string>();
        foreach (var play in plays)
        {
            var click = await bed.AddClickAsync(offer);
            var query = play.Query.Replace(TemplateAnalysis.SubIdSlot, click.SubId, StringComparison.Ordinal);
            var (response, body) = await bed.SendAsync(query);
            output.WriteLine($"  {play.Description}: ?{query} → {(int)response.StatusCode} {body}");

            var e = play.Expected;
            var problems = new List<string>();
            if ((int)response.StatusCode != e.HttpStatus) problems.Add($"HTTP {(int)response.StatusCode}, expected {e.HttpStatus}");
            if (!body.StartsWith(e.BodyStartsWith, StringComparison.Ordinal)) problems.Add($"body '{body}', expected it to start with '{e.BodyStartsWith}'");
            var conversion = await bed.ConversionAsync(click.SubId);
            if (e.Status is null && conversion is not null) problems.Add($"a {conversion.Status} conversion was recorded, expected none");
            if (e.Status is not null)
            {
                if (conversion is null) problems.Add($"no conversion, expected {e.Status}");
                else
                {
                    if (conversion.Status != e.Status) problems.Add($"status {conversion.Status} ('{conversion.OriginalStatus}'), expected {e.Status}");
                    if (conversion.RevenueMicros != e.RevenueMicros) problems.Add($"revenue {conversion.RevenueMicros} micros, expected {e.RevenueMicros}");
                }
                await using var db = await bed.NewDbAsync();
                var stored = await db.Clicks.AsNoTracking().SingleAsync(c => c.Id == click.Id, TestContext.Current.CancellationToken);
                foreach (var (key, slotted) in e.ClickParameters)
                    if (slotted.Replace(TemplateAnalysis.SubIdSlot, click.SubId, StringComparison.Ordinal) is var value
                        && stored.Parameters.GetValueOrDefault(key) != value)
                        problems.Add($"click {key} = '{stored.Parameters.GetValueOrDefault(key)}', expected '{value}'");
            }
            if (problems.Count > 0) failures.Add($"{play.Description}: ?{query} → {string.Join("; ", problems)}");
        }
        Assert.True(failures.Count == 0, $"{template.DisplayName} ({name}):\n" + string.Join("\n", failures));
    }

    [Fact]
    public void CatalogueSummaryListsEveryInvalidTemplateWithItsReason()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var analyses = Templates.Value.Select(NetworkTemplatePlayer.Analyse).ToList();
        var invalid = analyses.Where(a => !a.IsValid).ToList();
        output.WriteLine($"{analyses.Count} templates: {analyses.Count - invalid.Count} valid (played in full), {invalid.Count} with an invalid format:");
        foreach (var a in invalid)
            output.WriteLine($"- {a.Template.Name} ({a.Template.DisplayName}): {string.Join("; ", a.InvalidReasons)}");
        Assert.Equal(Templates.Value.Select(t => t.Name).Distinct().Count(), analyses.Count);
        Assert.All(invalid, a => Assert.All(a.InvalidReasons, r => Assert.False(string.IsNullOrWhiteSpace(r))));
        // Most of the catalogue is usable as shipped; a parser that calls everything invalid is broken.
        Assert.True(invalid.Count < analyses.Count / 5, $"{invalid.Count} of {analyses.Count} invalid");
    }
}
