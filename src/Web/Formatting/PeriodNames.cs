using System.Globalization;
using Wellbeing.Application.Hr.Queries.GetHrDashboard;

namespace Wellbeing.Web.Formatting;

/// <summary>How HR reads a reporting period: "May 2026", or "Q2 2026" for a quarter.</summary>
public static class PeriodNames
{
    public static string Name(this PublishedPeriodDto period) =>
        period.Key.Contains("-Q", StringComparison.Ordinal)
            ? $"{period.Key[5..]} {period.Start.Year}"
            : period.Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>An axis label with its year: "May 2026" or "Q2 2026".</summary>
    public static string AxisName(this PublishedPeriodDto period) =>
        period.Key.Contains("-Q", StringComparison.Ordinal)
            ? $"{period.Key[5..]} {period.Start.Year}"
            : period.Start.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static string Span(this PublishedPeriodDto period) =>
        $"{period.Start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} to {period.End.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
}
