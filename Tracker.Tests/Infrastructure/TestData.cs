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

    /// <summary>A file of the repository the tests were built from (docs, for tests that hold them to the code).</summary>
    public static string RepositoryFile(string relativePath)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Tracker.sln"))) root = root.Parent;
        if (root is null) throw new DirectoryNotFoundException($"No Tracker.sln above {AppContext.BaseDirectory}.");
        return Path.Combine(root.FullName, relativePath);
    }
}
