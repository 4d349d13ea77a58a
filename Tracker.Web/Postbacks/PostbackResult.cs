using Tracker.Core.Conversions;

namespace Tracker.Web.Postbacks;

/// <summary>What to answer the network, and what the tracker did.</summary>
public sealed record PostbackResult(int StatusCode, string Body, PostbackOutcome Outcome, long? ConversionId);
