using System.Globalization;

namespace Wellbeing.Web.Formatting;

/// <summary>
/// The geometry every server-drawn chart shares: a 320 x 210 viewBox drawn at most 1.5 times that size (site.css),
/// so that on a 360 px phone, where a card leaves about 288 px, its 14-unit text still renders at about 12.6 px.
/// Scores run 0-100 bottom to top; the Wellbeing Index's bracket cut-offs are the default 28 and 50 (WHO-5 screening
/// practice, as in HubSettings). Dates and period names are spread so that labels never overlap.
/// </summary>
public static class ChartLayout
{
    public const int Width = 320;
    public const int Height = 210;
    public const int PlotLeft = 40;
    public const int PlotRight = Width - 12;
    public const int PlotTop = 26;
    public const int PlotBottom = Height - 44;

    /// <summary>Default WHO-5 bracket cut-offs: Poor up to 28, Moderate up to 50, Good above.</summary>
    public const int PoorUpTo = 28;
    public const int ModerateUpTo = 50;

    /// <summary>The score ticks on the vertical axis: the scale's ends and the two cut-offs.</summary>
    public static readonly int[] ScoreTicks = [0, PoorUpTo, ModerateUpTo, 100];

    /// <summary>Room for one date label ("30 Sep 2026": 11 characters of the 14-unit font, about 95 units), with a gap.</summary>
    private const double LabelWidth = 140;

    public static double PlotWidth => PlotRight - PlotLeft;

    /// <summary>The vertical position of a 0-100 score.</summary>
    public static double Y(decimal score) => PlotBottom - (double)score / 100 * (PlotBottom - PlotTop);

    /// <summary>The horizontal position of the i-th of n evenly spaced points (a single point sits in the middle).</summary>
    public static double X(int i, int n) => n == 1 ? PlotLeft + PlotWidth / 2 : PlotLeft + i * PlotWidth / (n - 1);

    /// <summary>
    /// Which of <paramref name="count"/> points get a label on the horizontal axis: the first and the last always, and
    /// evenly spread ones between, as many as fit without overlapping.
    /// </summary>
    public static IReadOnlyList<int> LabelledIndexes(int count)
    {
        var fit = Math.Max(2, (int)(PlotWidth / LabelWidth) + 1);
        if (count <= fit)
        {
            return [.. Enumerable.Range(0, count)];
        }

        return [.. Enumerable.Range(0, fit).Select(k => (int)Math.Round(k * (count - 1) / (double)(fit - 1))).Distinct()];
    }

    /// <summary>
    /// How the label of the i-th of n points hangs from its position: the first starts there and the last ends there,
    /// so that neither runs off the plot, and those between are centred.
    /// </summary>
    public static string Anchor(int i, int n) => n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle";

    /// <summary>A coordinate as SVG wants it, whatever the server's culture.</summary>
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>A Wellbeing Index chart: the scores oldest first, dated in the time zone of the member's hub.</summary>
public sealed record WellbeingChart(IReadOnlyList<Wellbeing.Application.Clients.Queries.GetClientDashboard.WellbeingPointDto> Points, string TimeZoneId);
