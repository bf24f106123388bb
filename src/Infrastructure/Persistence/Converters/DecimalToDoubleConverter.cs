using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wellbeing.Infrastructure.Persistence.Converters;

/// <summary>
/// SQLite stores EF's decimals as TEXT, which sorts as text and cannot be averaged in SQL, so EF refuses both.
/// Our decimals are scores and means with two decimals, well inside a double's exact range, so REAL loses nothing
/// that is shown; rounding on the way back removes binary-fraction noise.
/// </summary>
public sealed class DecimalToDoubleConverter() : ValueConverter<decimal, double>(
    value => (double)value,
    value => Math.Round((decimal)value, Scale))
{
    /// <summary>Decimal places kept when a value is read back; must cover the widest precision the model declares.</summary>
    public const int Scale = 4;
}
