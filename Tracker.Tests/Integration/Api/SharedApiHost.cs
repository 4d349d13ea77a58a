using Tracker.Tests.Infrastructure;

namespace Tracker.Tests.Integration.Api;

/// <summary>One host for the many malformed-body cases: none of them may change anything.</summary>
public sealed class SharedApiHost : IAsyncDisposable
{
    public SharedApiHost()
    {
        App = new TrackerApplication();
        Client = App.CreateApiClient();
    }

    public TrackerApplication App { get; }

    public HttpClient Client { get; }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
