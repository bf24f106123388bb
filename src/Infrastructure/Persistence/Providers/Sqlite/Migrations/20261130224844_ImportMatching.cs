using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MatchedByEmail",
                table: "MemberImports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Reactivated",
                table: "MemberImports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite (3.35 and later) drops a column in place when no index, key or constraint names it, as here; EF Core's
            // DropColumn would rebuild the table with foreign keys off outside the migration's transaction (warning 20410).
            migrationBuilder.Sql("ALTER TABLE \"MemberImports\" DROP COLUMN \"MatchedByEmail\";");
            migrationBuilder.Sql("ALTER TABLE \"MemberImports\" DROP COLUMN \"Reactivated\";");
        }
    }
}
