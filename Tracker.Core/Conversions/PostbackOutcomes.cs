namespace Tracker.Core.Conversions;

/// <summary>Outcomes in the words the postback log, the answers and the API use.</summary>
public static class PostbackOutcomes
{
    public static string Words(this PostbackOutcome outcome) => outcome switch
    {
        PostbackOutcome.Created => "created",
        PostbackOutcome.StatusChanged => "status changed",
        PostbackOutcome.RebillAdded => "rebill added",
        PostbackOutcome.DuplicateIgnored => "duplicate ignored",
        PostbackOutcome.UnknownSubId => "unknown subid",
        PostbackOutcome.TransitionNotAllowed => "transition not allowed",
        PostbackOutcome.IgnoredStatus => "ignored status",
        PostbackOutcome.Malformed => "malformed",
        PostbackOutcome.Forbidden => "wrong postback key",
        PostbackOutcome.Failed => "not recorded",
        PostbackOutcome.AddressNotAllowed => "address not allowed",
    };

    /// <summary>Outcomes after which the network has nothing to fix: the postback was taken.</summary>
    public static bool IsAccepted(this PostbackOutcome outcome) => outcome is PostbackOutcome.Created
        or PostbackOutcome.StatusChanged or PostbackOutcome.RebillAdded or PostbackOutcome.DuplicateIgnored
        or PostbackOutcome.TransitionNotAllowed or PostbackOutcome.IgnoredStatus;
}
