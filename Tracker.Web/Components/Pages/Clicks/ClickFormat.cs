using System.Globalization;
using Tracker.Core.Validation;

namespace Tracker.Web.Components.Pages.Clicks;

/// <summary>How click values are shown in the admin: times in the tracker's time zone, money in its base currency.</summary>
public static class ClickFormat
{
    public static string Time(DateTime utc, string timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZones.Find(timeZone))
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Money(long micros, string currency) =>
        micros == 0 ? "—" : Reports.ReportFormat.MoneyMicros(micros, currency);

    /// <summary>What a click earned, in words: its CPC revenue and its conversion's part told apart.</summary>
    public static string RevenueParts(Tracker.Web.Clicks.ClickRow r, string currency)
    {
        var cpc = r.RevenueMicros == 0 ? "no CPC revenue" : $"CPC {Money(r.RevenueMicros, currency)}";
        if (r.ConversionStatus is not { } status) return $"{cpc}; no conversion yet";
        return status switch
        {
            Core.Conversions.ConversionStatus.Sale or Core.Conversions.ConversionStatus.Rebill => $"{cpc} + conversion {Money(r.ConversionRevenueMicros, currency)} (sale, rebills included)",
            Core.Conversions.ConversionStatus.Lead => $"{cpc}; the lead's {Money(r.OnHoldMicros, currency)} is on hold until the network confirms it",
            Core.Conversions.ConversionStatus.Rejected => $"{cpc}; the conversion was rejected and earns nothing",
        };
    }

    public static string Country(string code) =>
        string.IsNullOrEmpty(code) ? "unknown" : $"{code} · {Core.Geo.CountryCode.NameOf(code)}";
}
