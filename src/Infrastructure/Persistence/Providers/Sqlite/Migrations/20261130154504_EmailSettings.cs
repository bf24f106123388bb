using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmailSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Settings_AllianceReminderAfterDays",
                table: "Hubs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "Settings_SendingHoursEnd",
                table: "Hubs",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(20, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "Settings_SendingHoursStart",
                table: "Hubs",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(8, 0, 0));

            migrationBuilder.AddColumn<int>(
                name: "Settings_WellbeingFollowUpDays",
                table: "Hubs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Settings_AllianceReminderAfterDays",
                table: "Hubs");

            migrationBuilder.DropColumn(
                name: "Settings_SendingHoursEnd",
                table: "Hubs");

            migrationBuilder.DropColumn(
                name: "Settings_SendingHoursStart",
                table: "Hubs");

            migrationBuilder.DropColumn(
                name: "Settings_WellbeingFollowUpDays",
                table: "Hubs");
        }
    }
}
