namespace Tracker.Core.Clicks;

/// <summary>One macro of <see cref="Macros.Catalogue"/>: its name without braces and what it inserts.</summary>
/// <param name="Name">Lower-case, as documented; matched without regard to case.</param>
/// <param name="Meaning">One line for the editor's macro list and the documentation.</param>
public sealed record MacroDefinition(string Name, string Meaning)
{
    /// <summary>The raw value this macro has in <see cref="MacroValues.Sample"/>, the values every preview shows.</summary>
    public string Sample => Macros.Expand("{_" + Name + "}", MacroValues.Sample(SampleDay, affiliateNetworkId: 3), MacroEncoders.Url);

    private static readonly DateTime SampleDay = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
}
