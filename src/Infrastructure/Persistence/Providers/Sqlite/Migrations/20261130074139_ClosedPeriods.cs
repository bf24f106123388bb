using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClosedPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Aggregates");

            migrationBuilder.DropTable(
                name: "Departures");

            migrationBuilder.DropTable(
                name: "Snapshots");

            migrationBuilder.DropColumn(
                name: "LatestAt",
                table: "ResponderSummaries");

            migrationBuilder.DropColumn(
                name: "LatestScore",
                table: "ResponderSummaries");

            migrationBuilder.DropColumn(
                name: "Submissions",
                table: "ResponderSummaries");

            // Existing hubs publish per month (ReportingPeriodLength.Month = 1).
            migrationBuilder.AddColumn<int>(
                name: "Settings_ReportingPeriod",
                table: "Hubs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "AlliancePeriodScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodStart = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    K = table.Column<int>(type: "INTEGER", nullable: false),
                    Mean = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlliancePeriodScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlliancePeriodScores_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeriodBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodStart = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    K = table.Column<int>(type: "INTEGER", nullable: false),
                    KDistribution = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodBlocks_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AlliancePeriodSubscales",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AlliancePeriodScoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mean = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlliancePeriodSubscales", x => new { x.AlliancePeriodScoreId, x.Key });
                    table.ForeignKey(
                        name: "FK_AlliancePeriodSubscales_AlliancePeriodScores_AlliancePeriodScoreId",
                        column: x => x.AlliancePeriodScoreId,
                        principalTable: "AlliancePeriodScores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeriodCells",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: true),
                    People = table.Column<int>(type: "INTEGER", nullable: true),
                    PeriodBlockId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodCells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodCells_PeriodBlocks_PeriodBlockId",
                        column: x => x.PeriodBlockId,
                        principalTable: "PeriodBlocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlliancePeriodScores_ProfessionalId_PeriodStart",
                table: "AlliancePeriodScores",
                columns: new[] { "ProfessionalId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeriodBlocks_HubId_PeriodStart",
                table: "PeriodBlocks",
                columns: new[] { "HubId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeriodCells_PeriodBlockId",
                table: "PeriodCells",
                column: "PeriodBlockId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlliancePeriodSubscales");

            migrationBuilder.DropTable(
                name: "PeriodCells");

            migrationBuilder.DropTable(
                name: "AlliancePeriodScores");

            migrationBuilder.DropTable(
                name: "PeriodBlocks");

            migrationBuilder.DropColumn(
                name: "Settings_ReportingPeriod",
                table: "Hubs");

            migrationBuilder.AddColumn<long>(
                name: "LatestAt",
                table: "ResponderSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "LatestScore",
                table: "ResponderSummaries",
                type: "REAL",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "Submissions",
                table: "ResponderSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Departures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HadAlliance = table.Column<bool>(type: "INTEGER", nullable: false),
                    HadWellbeing = table.Column<bool>(type: "INTEGER", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Departures_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Snapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AsOf = table.Column<long>(type: "INTEGER", nullable: false),
                    Contributors = table.Column<int>(type: "INTEGER", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    K = table.Column<int>(type: "INTEGER", nullable: false),
                    KDistribution = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Snapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Snapshots_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Aggregates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AsOf = table.Column<long>(type: "INTEGER", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SnapshotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Aggregates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Aggregates_Snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "Snapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Aggregates_SnapshotId",
                table: "Aggregates",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_Departures_HubId_At",
                table: "Departures",
                columns: new[] { "HubId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_HubId_AsOf",
                table: "Snapshots",
                columns: new[] { "HubId", "AsOf" });
        }
    }
}
