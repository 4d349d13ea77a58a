using Tracker.Core.Security;

namespace Tracker.Web.Security;

/// <summary>The admin IP allow-list as last saved, and its version for optimistic concurrency.</summary>
public sealed record AdminAccessSnapshot(IpAllowList AllowList, int Version);
