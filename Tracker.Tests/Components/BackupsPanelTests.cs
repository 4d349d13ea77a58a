using Bunit;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Backups;
using Tracker.Web.Components.Pages.Settings;

namespace Tracker.Tests.Components;

public sealed class BackupsPanelTests
{
    [Fact]
    public async Task BackUpNowAddsACheckedBackupToTheListAndSaysWhereTheyAreKept()
    {
        await using var app = new TrackerApplication(new() { ["Tracker:Backups:Keep"] = "3", ["Tracker:Backups:IntervalHours"] = "12" });
        await using var ctx = new AdminComponentContext(app);
        var page = ctx.RenderWithProviders<BackupsPanel>();
        Assert.Contains("No backups yet", page.Find("[data-testid=backups-empty]").TextContent);
        Assert.Contains("every 12 h", page.Markup);
        Assert.Contains("newest 3 are kept", page.Markup);

        page.Find("[data-testid=backup-now]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=backup-row]")));
        var row = page.Find("[data-testid=backup-row]");
        Assert.Contains("on demand", row.TextContent);
        Assert.Contains("ok", row.TextContent);
        var made = Assert.Single(app.Service<BackupService>().List());
        Assert.Equal($"/admin/backups/{made.Name}", page.Find("[data-testid=backup-download]").GetAttribute("href"));
    }
}
