namespace Tracker.Core.Offers;

/// <summary>A <c>{placeholder}</c> that is not a macro; <see cref="DidYouMean"/> names a macro it resembles.</summary>
public sealed record UnknownMacro(string Text, string? DidYouMean);
