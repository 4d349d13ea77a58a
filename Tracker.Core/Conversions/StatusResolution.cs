namespace Tracker.Core.Conversions;

/// <summary>The status a postback asks for; <see cref="Status"/> is null only when the word is ignored.</summary>
public readonly record struct StatusResolution(ConversionStatus? Status, StatusSource Source, string Word);
