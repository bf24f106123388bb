using System.Text.RegularExpressions;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>Fills the survey forms as a browser would post them: the hidden fields the page rendered plus the chosen radios.</summary>
public static partial class SurveyForms
{
    /// <summary>The hidden inputs of the page's survey form (submission id, instrument key and version).</summary>
    public static Dictionary<string, string> HiddenFields(string page) =>
        HiddenInput().Matches(page)
            .Where(m => m.Groups[1].Value != Antiforgery.FieldName)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    /// <summary>The item ids in the order the form shows them.</summary>
    public static IReadOnlyList<string> ItemIds(string page) =>
        Fieldset().Matches(page).Select(m => m.Groups[1].Value).ToList();

    public static Dictionary<string, string> With(this Dictionary<string, string> fields, IReadOnlyList<string> itemIds, params int[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            fields[$"answers[{itemIds[i]}]"] = values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    public static async Task<(Dictionary<string, string> Hidden, IReadOnlyList<string> Items)> OpenAsync(this BrowserlessClient client, string path)
    {
        var (_, page) = await client.GetAsync(path);
        return (HiddenFields(page), ItemIds(page));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<fieldset id=\"item-([^\"]+)\"")]
    private static partial Regex Fieldset();
}
