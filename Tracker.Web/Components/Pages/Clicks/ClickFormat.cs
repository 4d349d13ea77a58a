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

    public static string Country(string code) =>
        string.IsNullOrEmpty(code) ? "unknown" : $"{code} · {Core.Geo.CountryCode.NameOf(code)}";
}
