using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using MudBlazor.Services;

namespace Tracker.Tests.Infrastructure;

/// <summary>
/// bUnit setup shared by the admin component tests: MudBlazor services, loose JS interop (MudBlazor
/// calls JS freely), and optionally a real <see cref="TrackerApplication"/> whose singletons (stores,
/// change feed, settings) serve every service bUnit does not provide itself — so a component test
/// saves to a real SQLite file through the same stores as the running app.
/// </summary>
public class AdminComponentContext : BunitContext
{
    public AdminComponentContext(TrackerApplication? app = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        if (app is not null)
            Services.AddFallbackServiceProvider(app.Services);
    }

    /// <summary>
    /// Renders <typeparamref name="TComponent"/> next to MudBlazor's popover, dialog and snackbar
    /// providers, as MainLayout does, so select lists, dialogs and message boxes show up in the markup.
    /// </summary>
    public IRenderedComponent<ContainerFragment> RenderWithProviders<TComponent>()
        where TComponent : IComponent
    {
        return Render<ContainerFragment>(p => p.AddChildContent(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<MudSnackbarProvider>(2);
            b.CloseComponent();
            b.OpenComponent<TComponent>(3);
            b.CloseComponent();
        }));
    }
}

/// <summary>A plain host for rendered fragments.</summary>
public sealed class ContainerFragment : ComponentBase
{
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
