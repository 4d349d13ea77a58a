namespace Tracker.Core.Offers;

/// <summary>What the editor shows under the URL: the URL a visitor would be sent to, and what looks wrong in it.</summary>
/// <param name="Template">The offer URL with the network's offer parameters appended, macros still in place.</param>
/// <param name="Sample">Exactly what a click with the sample values would be sent to (unknown macros empty, as on a click).</param>
/// <param name="UnknownMacros">Placeholders in braces that are not macros, with a hint when one is a likely typo.</param>
public sealed record OfferUrlPreviewResult(string Template, string Sample, IReadOnlyList<UnknownMacro> UnknownMacros);
