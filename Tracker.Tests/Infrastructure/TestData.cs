namespace Tracker.Tests.Infrastructure;

/// <summary>Files the tests read, shipped in the repository's <c>Tracker.Tests/TestData</c> and copied next to the test assembly.</summary>
public static class TestData
{
    /// <summary>395 real affiliate-network templates (MIT, see TestData/README.md).</summary>
    public static string NetworkTemplatesPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "TestData", "affiliate-network-templates.json");
            if (!File.Exists(path))
                throw new FileNotFoundException($"The network template corpus is missing next to the test assembly: {path}", path);
            return path;
        }
    }
}
