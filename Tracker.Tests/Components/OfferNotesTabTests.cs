using Bunit;
using Tracker.Core.Validation;
using Tracker.Tests.Infrastructure;
using Tracker.Web.Components.Pages.Offers;

namespace Tracker.Tests.Components;

public sealed class OfferNotesTabTests : MudComponentContext
{
    [Fact]
    public void NotesAreFreeTextThatOnlyTheAdminSees()
    {
        var model = new OfferEditModel();
        string? changed = null;
        var cut = Render<OfferNotesTab>(p => p.Add(t => t.Model, model).Add(t => t.OnFieldChanged, key => changed = key));

        Assert.Contains("visible only to you, the admin", cut.Markup);
        cut.Find("#offer-notes").Input("Manager: Anna. Payout raised to 14 EUR from December.");

        Assert.Equal("Manager: Anna. Payout raised to 14 EUR from December.", model.Notes);
        Assert.Equal("notes", changed);
    }

    [Fact]
    public void TooLongNotesShowTheValidatorsMessage()
    {
        var errors = ValidationErrors.Single("notes", "Notes must be at most 20000 characters.");
        var cut = Render<OfferNotesTab>(p => p.Add(t => t.Model, new OfferEditModel()).Add(t => t.Errors, errors));

        Assert.Contains("Notes must be at most 20000 characters.", cut.Find("#offer-notes").Closest(".mud-input-control")!.TextContent);
    }
}
