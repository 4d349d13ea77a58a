using Bunit;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Components.Shared;
using Tracker.Web.Data;

namespace Tracker.Tests.Components;

/// <summary>The alert every admin page shows while the database cannot be written, live as it starts and ends.</summary>
public sealed class StorageAlertTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TheAlertAppearsWhenTheDiskFillsSaysWhatToDoAndGoesWhenItRecovers()
    {
        await using var app = new TrackerApplication();
        var storage = app.Service<StorageHealth>();
        await using var ctx = new AdminComponentContext(app);
        var alert = ctx.Render<StorageAlert>();
        Assert.Empty(alert.FindAll("[data-testid=storage-alert]"));

        storage.Failed("the disk is full", clicksWaiting: 1234, clicksDropped: 0);

        alert.WaitForAssertion(() =>
        {
            var text = alert.Find("[data-testid=storage-alert]").TextContent;
            Assert.Contains("Tracker cannot write its database: the disk is full", text);
            Assert.Contains("1,234 now", text);
            Assert.Contains("Postbacks are answered 503", text);
            Assert.Contains("free space on the disk", text);
        }, Wait);

        storage.Recovered();
        alert.WaitForAssertion(() => Assert.Empty(alert.FindAll("[data-testid=storage-alert]")), Wait);
    }
}
