namespace Wellbeing.Infrastructure.Persistence.Configurations;

/// <summary>Column lengths shared by several tables, so that a value that fits one fits the others.</summary>
internal static class Lengths
{
    public const int Name = 200;

    /// <summary>RFC 5321 caps a forward path at 256 characters, which is also what ASP.NET Core Identity uses.</summary>
    public const int Email = 256;

    /// <summary>The length of AspNetUsers.Id, so a link to an account always fits.</summary>
    public const int UserId = 450;

    /// <summary>Ids issued by partner systems (HRIS, booking tools) and instrument item/subscale keys.</summary>
    public const int ExternalKey = 128;

    public const int ShortCode = 64;

    /// <summary>
    /// Filters for unique indexes on nullable columns. ANSI double quotes work on all three engines: SQL Server
    /// requires QUOTED_IDENTIFIER ON to create a filtered index at all, so the quotes never fail where the index works.
    /// </summary>
    public static string NotNull(string column) => $"\"{column}\" IS NOT NULL";
}
