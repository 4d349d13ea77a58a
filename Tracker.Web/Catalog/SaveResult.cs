using Tracker.Core.Validation;

namespace Tracker.Web.Catalog;

/// <summary>The outcome of a save, shared by the admin UI and the API (which maps it to 200/400/409/404).</summary>
public sealed record SaveResult<T>(SaveOutcome Outcome, T? Value, ValidationErrors Errors) where T : class
{
    public static SaveResult<T> Saved(T value) => new(SaveOutcome.Saved, value, new ValidationErrors());
    public static SaveResult<T> Invalid(ValidationErrors errors) => new(SaveOutcome.Invalid, null, errors);
    public static SaveResult<T> Conflict(T current) => new(SaveOutcome.Conflict, current, new ValidationErrors());
    public static SaveResult<T> NotFound() => new(SaveOutcome.NotFound, null, new ValidationErrors());
}
