namespace Tracker.Core.Offers.LocalOffers;

/// <summary>
/// Files that some web server would execute. Tracker never executes anything, but an archive carrying
/// them was built for a server that does (a form posting to <c>order.php</c> would silently fail here),
/// and serving their source could leak the secrets they often hold. So they are refused with a clear message.
/// </summary>
public static class ServerSideCode
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".php", ".php3", ".php4", ".php5", ".php7", ".php8", ".phtml", ".phar", ".phps", ".inc",
        ".asp", ".aspx", ".ascx", ".ashx", ".asmx", ".asax", ".axd", ".cshtml", ".vbhtml", ".razor", ".config",
        ".jsp", ".jspx", ".cfm", ".cgi", ".pl", ".py", ".rb", ".shtml", ".sh", ".htaccess", ".htpasswd",
    };

    public static bool IsServerSide(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.StartsWith(".ht", StringComparison.OrdinalIgnoreCase) && Extensions.Contains(name)) return true;
        var dot = name.LastIndexOf('.');
        return dot >= 0 && Extensions.Contains(name[dot..]);
    }
}
