using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClientJourney : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_CareSessionId",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_CareSessionId",
                table: "Submissions",
                column: "CareSessionId",
                unique: true,
                filter: "\"CareSessionId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_CareSessionId",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_CareSessionId",
                table: "Submissions",
                column: "CareSessionId");
        }
    }
}
