namespace Tracker.Core.Validation;

/// <summary>The outcome of reading what was typed into a number field: a value, or why there is none.</summary>
public readonly record struct NumberParse(decimal? Value, string? Error)
{
    public bool IsValid => Error is null;
}
