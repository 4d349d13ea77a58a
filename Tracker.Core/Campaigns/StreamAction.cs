namespace Tracker.Core.Campaigns;

public enum StreamAction
{
    /// <summary>Rotate among the stream's offers by share.</summary>
    Offers = 0,
    /// <summary>Answer with the text in the action payload.</summary>
    ShowText = 1,
    /// <summary>Answer 404.</summary>
    Status404 = 2,
    /// <summary>Answer an empty 200.</summary>
    DoNothing = 3,
}
