using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class HardeningSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareSessions_MemberId_ProfessionalId",
                table: "CareSessions");

            migrationBuilder.CreateIndex(
                name: "IX_CareSessions_MemberId_ProfessionalId_SequenceNumber",
                table: "CareSessions",
                columns: new[] { "MemberId", "ProfessionalId", "SequenceNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareSessions_MemberId_ProfessionalId_SequenceNumber",
                table: "CareSessions");

            migrationBuilder.CreateIndex(
                name: "IX_CareSessions_MemberId_ProfessionalId",
                table: "CareSessions",
                columns: new[] { "MemberId", "ProfessionalId" });
        }
    }
}
