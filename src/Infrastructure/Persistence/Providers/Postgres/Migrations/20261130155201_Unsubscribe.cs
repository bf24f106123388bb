using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Postgres.Migrations
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UnsubscribeLinkUsedAt",
                table: "OutboxMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AllianceEmailsOff",
                table: "Members",
                type: "boolean",
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
            migrationBuilder.Sql("UPDATE \"Members\" SET \"WellbeingEmailsOff\" = TRUE WHERE \"AllianceEmailsOff\";");

            migrationBuilder.DropColumn(
                name: "UnsubscribeLinkUsedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "AllianceEmailsOff",
                table: "Members");

            migrationBuilder.RenameColumn(
                name: "WellbeingEmailsOff",
                table: "Members",
                newName: "RemindersOptedOut");
        }
    }
}
