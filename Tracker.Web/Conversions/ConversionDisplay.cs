using System.Globalization;
using MudBlazor;
using Tracker.Core.Conversions;

namespace Tracker.Web.Conversions;

/// <summary>How the admin pages show conversions and postbacks: times in the settings' zone, money, colours.</summary>
public static class ConversionDisplay
{
    public static string Time(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Money(long micros, string currency) =>
        $"{Core.Amounts.Money.FromMicros(micros).ToString("#,##0.00####", CultureInfo.InvariantCulture)} {currency}";

    public static Color StatusColor(ConversionStatus status) => status switch
    {
        ConversionStatus.Sale => Color.Success,
        ConversionStatus.Lead => Color.Warning,
        ConversionStatus.Rejected => Color.Error,
        ConversionStatus.Rebill => Color.Info,
    };

    public static Color OutcomeColor(PostbackOutcome outcome) => outcome switch
    {
        PostbackOutcome.Created or PostbackOutcome.StatusChanged or PostbackOutcome.RebillAdded => Color.Success,
        PostbackOutcome.DuplicateIgnored or PostbackOutcome.IgnoredStatus => Color.Default,
        PostbackOutcome.TransitionNotAllowed or PostbackOutcome.UnknownSubId => Color.Warning,
        PostbackOutcome.Malformed or PostbackOutcome.Forbidden or PostbackOutcome.Failed or PostbackOutcome.AddressNotAllowed => Color.Error,
    };

    /// <summary>What a status means, for tooltips.</summary>
    public static string StatusMeaning(ConversionStatus status) => status switch
    {
        ConversionStatus.Lead => "Lead: the network registered the action but has not confirmed the payout yet (revenue on hold).",
        ConversionStatus.Sale => "Sale: the network confirmed the payout.",
        ConversionStatus.Rejected => "Rejected: the network cancelled the payout; it no longer counts as revenue.",
        ConversionStatus.Rebill => "Rebill: a repeated payment (upsell) on a conversion.",
    };
}
