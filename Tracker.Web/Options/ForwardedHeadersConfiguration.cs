using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Tracker.Web.Options;

/// <summary>
/// The <c>ForwardedHeaders</c> section: which forwarded headers to trust (<c>ForwardedHeaders</c>,
/// default <c>None</c>) and from whom (<c>KnownProxies</c> addresses, <c>KnownNetworks</c> CIDR ranges,
/// in addition to loopback). The configuration binder cannot read IP addresses, so they are parsed
/// here; a typo stops the start with a message instead of silently trusting nobody.
/// </summary>
public static class ForwardedHeadersConfiguration
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        services.Configure<ForwardedHeadersOptions>(section);
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            var errors = new List<string>();
            foreach (var text in Values(section, "KnownProxies"))
            {
                if (IPAddress.TryParse(text, out var address)) options.KnownProxies.Add(address);
                else errors.Add($"ForwardedHeaders:KnownProxies: '{text}' is not an IP address.");
            }
            foreach (var text in Values(section, "KnownNetworks"))
            {
                if (System.Net.IPNetwork.TryParse(text, out var network)) options.KnownIPNetworks.Add(network);
                else errors.Add($"ForwardedHeaders:KnownNetworks: '{text}' is not a network in CIDR form (e.g. 10.0.0.0/8).");
            }
            if (errors.Count > 0) throw new OptionsValidationException(Section, typeof(ForwardedHeadersOptions), errors);
        });
        return services;
    }

    private static IEnumerable<string> Values(IConfigurationSection section, string key) =>
        section.GetSection(key).GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v))!;
}
