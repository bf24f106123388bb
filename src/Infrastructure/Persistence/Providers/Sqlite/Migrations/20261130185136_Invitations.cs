using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

#nullable disable

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Invitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invitations_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invitations_Professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "Professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_HubId_Email",
                table: "Invitations",
                columns: new[] { "HubId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_MemberId",
                table: "Invitations",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ProfessionalId",
                table: "Invitations",
                column: "ProfessionalId");

            RebuildOutboxMessages(migrationBuilder, forInvitations: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The earlier table has no place for an invitation's e-mail (no member, no invitation): they go with the
            // invitations. EF Core's generated Down failed here instead, on dropping invitations that e-mails refer to.
            migrationBuilder.Sql("DELETE FROM \"OutboxMessages\" WHERE \"InvitationId\" IS NOT NULL;");
            RebuildOutboxMessages(migrationBuilder, forInvitations: false);
            migrationBuilder.DropTable(
                name: "Invitations");
        }

        /// <summary>
        /// OutboxMessages with (<paramref name="forInvitations"/>) or without a nullable MemberId, the InvitationId column,
        /// its foreign key and its index. SQLite can neither make a column nullable nor add a foreign key in place, so
        /// the table is rebuilt. EF Core's own rebuild, which this migration first held (AlterColumn and AddForeignKey),
        /// turns foreign keys off with PRAGMA foreign_keys, which SQLite ignores inside a transaction, so EF ran it
        /// outside the migration's transaction (warning 20410): a failure part way left the file half migrated. Written
        /// out, the rebuild runs inside the transaction with foreign keys on, which is safe because no table refers to
        /// OutboxMessages (dropping it deletes nothing elsewhere) and each copied row is checked against its keys. Its
        /// statements are the ones EF's rebuild ran, less the two PRAGMAs, so the schema in sqlite_master comes out the
        /// same; databases that applied the migration before never run it again.
        /// </summary>
        private static void RebuildOutboxMessages(MigrationBuilder migrationBuilder, bool forInvitations)
        {
            const string table = "OutboxMessages";
            const string rebuilt = "ef_temp_OutboxMessages";

            // In EF's rebuild order (the key, then by name); InvitationId only in the new shape, and so not copied.
            (string Name, string Type, bool Nullable)[] columns =
            [
                ("Id", "TEXT", false),
                ("AttemptedAt", "INTEGER", true),
                ("Attempts", "INTEGER", false),
                ("CareSessionId", "TEXT", true),
                ("CreatedAt", "INTEGER", false),
                ("DeduplicationKey", "TEXT", false),
                ("DueOn", "TEXT", true),
                ("HubId", "TEXT", false),
                .. forInvitations ? [("InvitationId", "TEXT", true)] : Array.Empty<(string, string, bool)>(),
                ("Kind", "INTEGER", false),
                ("MemberId", "TEXT", forInvitations),
                ("NotBefore", "INTEGER", false),
                ("SentAt", "INTEGER", true),
                ("UnsubscribeLinkUsedAt", "INTEGER", true),
                ("WithdrawnAt", "INTEGER", true),
            ];
            (string Column, string Principal)[] foreignKeys =
            [
                ("HubId", "Hubs"),
                .. forInvitations ? [("InvitationId", "Invitations")] : Array.Empty<(string, string)>(),
                ("MemberId", "Members"),
            ];

            var create = new CreateTableOperation
            {
                Name = rebuilt,
                PrimaryKey = new AddPrimaryKeyOperation { Name = $"PK_{table}", Table = rebuilt, Columns = ["Id"] },
            };
            create.Columns.AddRange(columns.Select(c => new AddColumnOperation
            {
                Name = c.Name,
                Table = rebuilt,
                ColumnType = c.Type,
                ClrType = c.Type == "TEXT" ? typeof(string) : typeof(long),
                IsNullable = c.Nullable,
            }));
            create.ForeignKeys.AddRange(foreignKeys.Select(f => new AddForeignKeyOperation
            {
                Name = $"FK_{table}_{f.Principal}_{f.Column}",
                Table = rebuilt,
                Columns = [f.Column],
                PrincipalTable = f.Principal,
                PrincipalColumns = ["Id"],
                OnDelete = ReferentialAction.Restrict,
            }));
            migrationBuilder.Operations.Add(create);

            var copied = string.Join(", ", columns.Where(c => c.Name != "InvitationId").Select(c => $"\"{c.Name}\""));
            migrationBuilder.Sql($"INSERT INTO \"{rebuilt}\" ({copied})\nSELECT {copied}\nFROM \"{table}\";");
            migrationBuilder.DropTable(name: table);
            migrationBuilder.RenameTable(name: rebuilt, newName: table);

            migrationBuilder.CreateIndex(name: $"IX_{table}_DeduplicationKey", table: table, column: "DeduplicationKey", unique: true);
            foreach (var (column, _) in foreignKeys)
            {
                migrationBuilder.CreateIndex(name: $"IX_{table}_{column}", table: table, column: column);
            }

            migrationBuilder.CreateIndex(name: $"IX_{table}_SentAt_WithdrawnAt_NotBefore", table: table, columns: ["SentAt", "WithdrawnAt", "NotBefore"]);
        }
    }
}
