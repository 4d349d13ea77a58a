using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Core.Validation;
using Tracker.Web.Catalog;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// The one mapping from a store's <see cref="SaveOutcome"/> to the admin API's answers: 201/200 with the
/// item, 400 naming each field, 404, and 409 with the current version (a stale PUT) or the reason (a
/// refused DELETE).
/// </summary>
public static class SaveResponses
{
    public static ValidationProblem Invalid(ValidationErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    /// <summary>400 when a PUT carries no version (see <see cref="ApiVersion.Require"/>); null when it does.</summary>
    public static ValidationProblem? WithoutVersion(int version, string what)
    {
        var errors = new ValidationErrors();
        ApiVersion.Require(version, what, errors);
        return errors.IsValid ? null : Invalid(errors);
    }

    /// <summary>A POST: 201 with the item at <c>/api/v1/{resource}/{id}</c>, or 400.</summary>
    public static Results<Created<TDto>, ValidationProblem> Created<T, TDto>(
        SaveResult<T> result, ApiContext api, string resource, Func<T, TDto> toDto) where T : class, IVersioned =>
        result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Created(api.Location(resource, result.Value!.Id), toDto(result.Value)),
            SaveOutcome.Invalid => Invalid(result.Errors),
            SaveOutcome.Conflict or SaveOutcome.NotFound => throw new InvalidOperationException($"Creating a {resource} item cannot end in {result.Outcome}."),
        };

    /// <summary>A PUT: 200 with the saved item, 400, 404, or 409 with the version saved in between (nothing was saved).</summary>
    public static async Task<Results<Ok<TDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> UpdatedAsync<T, TDto>(
        SaveResult<T> result, string what, int id, int sentVersion, Func<T, Task<TDto>> toDto) where T : class, IVersioned =>
        result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(await toDto(result.Value!)),
            SaveOutcome.Invalid => Invalid(result.Errors),
            SaveOutcome.NotFound => ApiProblems.NotFound(what, id),
            SaveOutcome.Conflict => ApiProblems.StaleVersion(what, sentVersion, result.Value!.Version, (await toDto(result.Value))!),
        };

    /// <summary>A DELETE: 204, 404 when <paramref name="refused"/> is null (no such item), or 409 with the store's reason.</summary>
    public static Results<NoContent, NotFoundProblem, ConflictProblem> Deleted(string what, int id, ValidationErrors? refused) =>
        refused is null ? ApiProblems.NotFound(what, id)
        : refused.IsValid ? TypedResults.NoContent()
        : ApiProblems.InUse(what, refused.First("id") ?? $"Something still uses the {what}; archive it instead.");
}
