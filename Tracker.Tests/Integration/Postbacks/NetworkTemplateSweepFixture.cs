namespace Tracker.Tests.Integration.Postbacks;

/// <summary>One tracker for the whole sweep: every template gets its own offer and clicks in it.</summary>
public sealed class NetworkTemplateSweepFixture : IAsyncLifetime
{
    public PostbackTestBed Bed { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Bed = await PostbackTestBed.StartAsync();
        await Bed.SetExchangeRatesAsync("USD", NetworkTemplatePlayer.Rates.ToDictionary());
    }

    public async ValueTask DisposeAsync() => await Bed.DisposeAsync();
}
