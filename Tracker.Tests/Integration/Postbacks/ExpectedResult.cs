using Tracker.Core.Conversions;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>What one postback of a play must lead to.</summary>
public sealed record ExpectedResult(
    int HttpStatus,
    string BodyStartsWith,
    ConversionStatus? Status,
    long RevenueMicros,
    IReadOnlyDictionary<string, string> ClickParameters);
