using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wellbeing.Infrastructure.Persistence.Converters;

/// <summary>
/// Normalises every timestamp to UTC before it is written. Npgsql refuses a non-zero offset for timestamptz, and
/// SQL Server would otherwise keep whatever offset the caller happened to use, so rows of one table would compare
/// equal yet print differently.
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
