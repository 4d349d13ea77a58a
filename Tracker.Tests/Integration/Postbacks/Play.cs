namespace Tracker.Tests.Integration.Postbacks;

/// <summary>One postback the network would send: its query with the network's tokens filled in.</summary>
public sealed record Play(string Description, string Query, ExpectedResult Expected);
