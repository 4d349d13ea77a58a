using Bunit;
using Mapster;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Tracker.Web.Catalog;
using Tracker.Web.Live;
using Tracker.Web.Services;

namespace Tracker.Tests.Infrastructure;

/// <summary>
/// The one bUnit setup for MudBlazor components: MudBlazor's services, loose JS interop (MudBlazor calls
/// JS for focus, popovers and resize observers, which a component test does not need answered), and a
/// popover host so select items, autocomplete lists and dialogs can be found and clicked.
/// </summary>
public class MudComponentContext : BunitContext
{
    public MudComponentContext()
    {
        // bUnit's one-second default is too short when a 2-core CI box runs browser and component
        // tests side by side: a wait that would pass gets checked once and gives up.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// Renders MudBlazor's popover, dialog and snackbar hosts. Popover content (select items, autocomplete
    /// suggestions, message boxes) shows up in this component's markup, not in the component under test.
    /// </summary>
    public IRenderedComponent<PopoverHosts> RenderPopoverHosts() => Render<PopoverHosts>();

    /// <summary>
    /// Lets page components use a running host's real stores over its SQLite file, so a page test reads and
    /// writes what the API and other browser tabs see.
    /// </summary>
    public void UseTracker(TrackerApplication app)
    {
        foreach (var type in new[] { typeof(OfferStore), typeof(NetworkStore), typeof(GroupStore), typeof(ChangeFeed), typeof(SettingsStore), typeof(TypeAdapterConfig), typeof(TimeProvider), typeof(Tracker.Web.Conversions.ConversionCapCounter), typeof(Tracker.Core.Reports.IReportSource), typeof(CampaignStore) })
            Services.AddSingleton(type, app.Services.GetRequiredService(type));
    }
}

/// <summary>The hosts MainLayout renders for MudBlazor's popovers, dialogs and snackbars.</summary>
public sealed class PopoverHosts : Microsoft.AspNetCore.Components.ComponentBase
{
    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
    }
}
