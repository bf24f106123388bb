using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Unsubscribe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "RemindersOptedOut",
                table: "Members",
                newName: "WellbeingEmailsOff");

            migrationBuilder.AddColumn<long>(
                name: "UnsubscribeLinkUsedAt",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AllianceEmailsOff",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // The single opt-out said "e-mail reminders" and covered every e-mail: whoever turned it off keeps both
            // topics off, so nobody starts receiving a kind of e-mail they had declined.
            migrationBuilder.Sql("UPDATE \"Members\" SET \"AllianceEmailsOff\" = \"WellbeingEmailsOff\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the single opt-out: whoever declined either topic had declined e-mail.
            migrationBuilder.Sql("UPDATE \"Members\" SET \"WellbeingEmailsOff\" = 1 WHERE \"AllianceEmailsOff\" = 1;");

            // SQLite (3.35 and later) drops a column in place when no index, key or constraint names it, as here.
            // EF Core's DropColumn rebuilds the table instead, turning foreign keys off outside the migration's
            // transaction (warning 20410), and a failure part way left the file half reverted.
            migrationBuilder.Sql("ALTER TABLE \"OutboxMessages\" DROP COLUMN \"UnsubscribeLinkUsedAt\";");
            migrationBuilder.Sql("ALTER TABLE \"Members\" DROP COLUMN \"AllianceEmailsOff\";");

            migrationBuilder.RenameColumn(
                name: "WellbeingEmailsOff",
                table: "Members",
                newName: "RemindersOptedOut");
        }
    }
}
