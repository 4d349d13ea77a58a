namespace Tracker.Core.Conversions;

public enum ConversionStatus
{
    /// <summary>Revenue on hold.</summary>
    Lead = 0,
    /// <summary>Confirmed revenue.</summary>
    Sale = 1,
    Rejected = 2,
    Rebill = 3,
}
