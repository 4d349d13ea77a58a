namespace Tracker.Core.Validation;

/// <summary>
/// Field-keyed validation messages, shared by the admin UI and the API (which returns them as
/// RFC 7807 problem details). Keys are the API's camelCase field names.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyList<string> For(string field) =>
        _errors.TryGetValue(field, out var list) ? list : [];

    public string? First(string field) => _errors.TryGetValue(field, out var list) ? list[0] : null;

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public static ValidationErrors Single(string field, string message)
    {
        var e = new ValidationErrors();
        e.Add(field, message);
        return e;
    }
}
