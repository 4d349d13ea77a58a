namespace Tracker.Core.Amounts;

/// <summary>
/// What one conversion (or rebill) earns, in the base currency, and what the network stated. When
/// <see cref="AwaitingRate"/> is true the stated amount has no exchange rate yet: <see cref="Revenue"/>
/// is zero until the rate is added, and the stated amount is kept to be converted then.
/// </summary>
public readonly record struct PayoutResult(bool Succeeded, Money Revenue, Money Stated, string Note, string Error, bool AwaitingRate = false)
{
    public static PayoutResult Ok(Money revenue, Money stated, string note) => new(true, revenue, stated, note, "");

    public static PayoutResult Fail(Money stated, string error) => new(false, Money.Zero(stated.Currency), stated, "", error);

    public static PayoutResult WaitingForRate(Money stated, string baseCurrency, string note) =>
        new(true, Money.Zero(baseCurrency), stated, note, "", AwaitingRate: true);
}
