using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HubSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Hubs",
                type: "INTEGER",
                nullable: false,
                // Existing hubs start at 1, so a form posted without a version (0) matches no hub.
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite (3.35 and later) drops a column in place when no index, key or constraint names it, as here; EF Core's
            // DropColumn would rebuild the table with foreign keys off outside the migration's transaction (warning 20410).
            migrationBuilder.Sql("ALTER TABLE \"Hubs\" DROP COLUMN \"Version\";");
            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"Detail\";");
        }
    }
}
