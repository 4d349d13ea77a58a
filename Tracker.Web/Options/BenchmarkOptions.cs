namespace Tracker.Web.Options;

public sealed class BenchmarkOptions
{
    /// <summary>Maps <c>/_bench/baseline</c>, a bare 302 to compare the click path against. Default false; only for bench/.</summary>
    public bool BaselineEndpoint { get; set; }

    /// <summary>
    /// Leaves the report rollups out of the click batch, so bench/ can measure what keeping them costs
    /// a click. Reports are wrong while it is on: only for bench/, never in production. Default false.
    /// </summary>
    public bool WithoutRollups { get; set; }
}
