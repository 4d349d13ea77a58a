namespace Tracker.Web.Security;

/// <summary>A secret offered for enrolment: shown as a QR code and as text, enabled only once a code from it is confirmed.</summary>
public sealed record TotpEnrolment(string Secret, string Uri, string QrCodeDataUri);
