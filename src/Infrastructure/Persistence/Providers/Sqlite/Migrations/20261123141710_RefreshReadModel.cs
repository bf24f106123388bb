using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RefreshReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_HubId_Measure_SubmittedAt",
                table: "Submissions");

            migrationBuilder.CreateTable(
                name: "ResponderSummaries",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Submissions = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstScore = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    LatestAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LatestScore = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponderSummaries", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_ResponderSummaries_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResponderSummaries_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Summaries of the submissions already stored, as the context would have kept them (Version counts the records).
            migrationBuilder.Sql("""
                INSERT INTO "ResponderSummaries" ("MemberId", "HubId", "Submissions", "FirstAt", "FirstScore", "LatestAt", "LatestScore", "Version")
                SELECT s."MemberId", s."HubId", COUNT(*),
                    MIN(s."SubmittedAt"),
                    (SELECT f."Score" FROM "Submissions" AS f WHERE f."MemberId" = s."MemberId" AND f."Measure" = 1 ORDER BY f."SubmittedAt" LIMIT 1),
                    MAX(s."SubmittedAt"),
                    (SELECT l."Score" FROM "Submissions" AS l WHERE l."MemberId" = s."MemberId" AND l."Measure" = 1 ORDER BY l."SubmittedAt" DESC LIMIT 1),
                    COUNT(*)
                FROM "Submissions" AS s
                WHERE s."Measure" = 1
                GROUP BY s."MemberId", s."HubId"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_HubId_Measure_SubmittedAt_MemberId_Score",
                table: "Submissions",
                columns: new[] { "HubId", "Measure", "SubmittedAt", "MemberId", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_HubId_SubmittedAt_Measure_MemberId",
                table: "Submissions",
                columns: new[] { "HubId", "SubmittedAt", "Measure", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponderSummaries_HubId",
                table: "ResponderSummaries",
                column: "HubId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResponderSummaries");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_HubId_Measure_SubmittedAt_MemberId_Score",
                table: "Submissions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_HubId_SubmittedAt_Measure_MemberId",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_HubId_Measure_SubmittedAt",
                table: "Submissions",
                columns: new[] { "HubId", "Measure", "SubmittedAt" });
        }
    }
}
