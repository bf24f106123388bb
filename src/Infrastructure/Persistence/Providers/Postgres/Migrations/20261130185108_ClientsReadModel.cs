using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClientsReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SharedScores",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Measure = table.Column<int>(type: "integer", nullable: false),
                    Latest = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Previous = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedScores", x => new { x.MemberId, x.ProfessionalId, x.Measure });
                    table.ForeignKey(
                        name: "FK_SharedScores_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SharedScores_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SharedScoreStamps",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedScoreStamps", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_SharedScoreStamps_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SharedScores_ProfessionalId",
                table: "SharedScores",
                column: "ProfessionalId");

            // Backfill: the rows SharedScores.Derive gives for today's grants and scores (newest first; Measure 1 is
            // the Wellbeing Index, about the member; 2 the alliance, about one professional), and a stamp per member.
            migrationBuilder.Sql("""
                INSERT INTO "SharedScores" ("MemberId", "ProfessionalId", "Measure", "Latest", "Previous")
                SELECT g."MemberId", g."ProfessionalId", g."Measure",
                       MAX(CASE WHEN r."Rank" = 1 THEN r."Score" END),
                       MAX(CASE WHEN r."Rank" = 2 THEN r."Score" END)
                FROM (SELECT DISTINCT "MemberId", "ProfessionalId", "Measure" FROM "ShareGrants" WHERE "RevokedAt" IS NULL) AS g
                LEFT JOIN (
                    SELECT s."MemberId", s."Measure", s."ProfessionalId", s."Score",
                           ROW_NUMBER() OVER (
                               PARTITION BY s."MemberId", s."Measure", CASE WHEN s."Measure" = 2 THEN s."ProfessionalId" END
                               ORDER BY s."SubmittedAt" DESC) AS "Rank"
                    FROM "Submissions" AS s) AS r
                    ON r."MemberId" = g."MemberId" AND r."Measure" = g."Measure" AND r."Rank" <= 2
                       AND (g."Measure" = 1 OR r."ProfessionalId" = g."ProfessionalId")
                GROUP BY g."MemberId", g."ProfessionalId", g."Measure";
                """);
            migrationBuilder.Sql("""INSERT INTO "SharedScoreStamps" ("MemberId", "Version") SELECT "Id", 0 FROM "Members";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SharedScores");

            migrationBuilder.DropTable(
                name: "SharedScoreStamps");
        }
    }
}
