using System.Text.Json.Serialization;

namespace Tracker.Core.Offers;

/// <summary>How a visitor is taken to the offer (Keitaro's redirect types). Never a 301.</summary>
public enum RedirectType
{
    /// <summary>302 with a Location header. Fastest; the referrer is the traffic source's page.</summary>
    Http = 0,
    /// <summary>An HTML page with a meta refresh.</summary>
    Meta = 1,
    /// <summary>Two meta refreshes through the tracker's own gateway hop: the offer sees the tracker as referrer.</summary>
    DoubleMeta = 2,
    /// <summary>An HTML page that sets window.location in JavaScript.</summary>
    Js = 3,
    /// <summary>Hides the referrer: the offer receives no Referer header.</summary>
    BlankReferrer = 4,
    /// <summary>An auto-submitted HTML form (GET) to the offer URL.</summary>
    [JsonStringEnumMemberName("formsubmit")]
    FormSubmit = 5,
    /// <summary>The offer shown inside a full-page iframe; the address bar keeps the tracking URL.</summary>
    Iframe = 6,
}
