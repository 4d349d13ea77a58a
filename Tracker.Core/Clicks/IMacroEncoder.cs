using System.Text;

namespace Tracker.Core.Clicks;

/// <summary>
/// How <see cref="Macros"/> writes a template into its surroundings: the text between macros, each macro's
/// value (<c>{name}</c> encoded, <c>{_name}</c> raw — what "raw" may safely mean depends on the context),
/// and whether a name the catalogue does not know stays as written.
/// </summary>
public interface IMacroEncoder
{
    /// <summary>True: an unknown <c>{word}</c> is template syntax (CSS, scripts) and stays; false: it becomes empty.</summary>
    bool KeepsUnknownMacros { get; }

    /// <summary>Template text between macros, copied as it is.</summary>
    void AppendLiteral(StringBuilder target, ReadOnlySpan<char> text);

    /// <summary>A macro's value, encoded for where it lands.</summary>
    void Append(StringBuilder target, ReadOnlySpan<char> value, bool raw);
}
