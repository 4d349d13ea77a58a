using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Tracker.Web.LocalOffers;

/// <summary>The parts of an archive upload besides the zip itself.</summary>
public sealed record ReceivedArchive(string FileName, int? Version);
