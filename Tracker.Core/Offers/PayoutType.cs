namespace Tracker.Core.Offers;

public enum PayoutType
{
    /// <summary>Cost per action: revenue is added when the network's postback arrives.</summary>
    Cpa = 0,
    /// <summary>Cost per click: revenue is added as soon as a visitor is sent to the offer.</summary>
    Cpc = 1,
}
