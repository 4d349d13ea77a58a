using Microsoft.Data.Sqlite;

namespace Tracker.Web.Reports;

internal static class ReportCommands
{
    /// <summary>A command in the report's read transaction.</summary>
    public static SqliteCommand NewCommand(this SqliteTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        return command;
    }
}
