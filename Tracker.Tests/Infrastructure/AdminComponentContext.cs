using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Tracker.Tests.Infrastructure;

/// <summary>
/// <see cref="MudComponentContext"/> for whole admin pages: a running <see cref="TrackerApplication"/>
/// serves every service bUnit does not provide itself (stores, change feed, settings, public URLs), so a
/// page test saves to a real SQLite file through the same singletons as the app; and the page renders
/// next to the popover, dialog and snackbar hosts, so message boxes are part of the page's markup.
/// </summary>
public class AdminComponentContext : MudComponentContext
{
    public AdminComponentContext(TrackerApplication? app = null)
    {
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
