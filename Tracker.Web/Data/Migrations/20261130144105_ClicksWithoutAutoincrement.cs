using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClicksWithoutAutoincrement : Migration
    {
        // The key's text in the CREATE TABLE that InitialCreate wrote.
        private const string WithAutoincrement = "CONSTRAINT \"PK_clicks\" PRIMARY KEY AUTOINCREMENT";
        private const string Plain = "CONSTRAINT \"PK_clicks\" PRIMARY KEY";

        /// <inheritdoc />
        /// <remarks>
        /// clicks.Id becomes a plain rowid: AUTOINCREMENT made every click insert read and rewrite the
        /// table's row in sqlite_sequence. The table's pages do not change (both are the same rowid table),
        /// so only its CREATE TABLE text is edited, as SQLite documents for changes that leave the stored
        /// format alone, instead of copying every click into a new table (minutes and twice the disk on a
        /// large database). Clicks are never deleted, so ids go on from the highest one, never reused.
        /// The throwaway table makes every open connection read the schema again.
        /// </remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = replace(sql, '{WithAutoincrement}', '{Plain}') WHERE type = 'table' AND name = 'clicks';
                PRAGMA writable_schema = RESET;
                DELETE FROM sqlite_sequence WHERE name = 'clicks';
                CREATE TABLE "__schema_reload" ("x" INTEGER);
                DROP TABLE "__schema_reload";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = replace(sql, '{Plain}', '{WithAutoincrement}') WHERE type = 'table' AND name = 'clicks' AND instr(sql, 'AUTOINCREMENT') = 0;
                PRAGMA writable_schema = RESET;
                INSERT INTO sqlite_sequence (name, seq) SELECT 'clicks', max(Id) FROM clicks HAVING count(*) > 0;
                CREATE TABLE "__schema_reload" ("x" INTEGER);
                DROP TABLE "__schema_reload";
                """);
        }
    }
}
