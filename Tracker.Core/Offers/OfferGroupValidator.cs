using Tracker.Core.Validation;

namespace Tracker.Core.Offers;

public static class OfferGroupValidator
{
    public static ValidationErrors Validate(OfferGroup group, Func<string, bool> nameTaken)
    {
        var e = new ValidationErrors();
        var name = group.Name?.Trim() ?? "";
        if (name.Length == 0) e.Add("name", "Give the group a name.");
        else if (name.Length > 100) e.Add("name", "Name must be at most 100 characters.");
        else if (name.Any(char.IsControl)) e.Add("name", "Name cannot contain control characters.");
        else if (nameTaken(name)) e.Add("name", $"A group named '{name}' already exists.");
        return e;
    }
}
