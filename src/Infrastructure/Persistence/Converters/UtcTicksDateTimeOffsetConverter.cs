using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wellbeing.Infrastructure.Persistence.Converters;

/// <summary>
/// SQLite has no date type and EF refuses to order or compare DateTimeOffset there. UTC ticks are an INTEGER that
/// orders and compares in SQL exactly as the instants do; the offset is not kept because everything is UTC anyway.
/// </summary>
public sealed class UtcTicksDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
