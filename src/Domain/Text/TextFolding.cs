using System.Globalization;
using System.Text;

namespace Wellbeing.Domain.Text;

/// <summary>
/// Folds text the way people read it, so that "Élodie", "élodie", "ÉLODIE" and "Elodie" all find "Élodie Dupré",
/// whichever Unicode form (composed NFC or decomposed NFD) either side was typed in. The database only ever compares
/// folded text with folded text by ordinal substring, so every provider (SQLite's ASCII-only <c>lower()</c>,
/// PostgreSQL's case-sensitive comparison, SQL Server's collations) gives the same answer.
/// </summary>
public static class TextFolding
{
    /// <summary>
    /// Latin letters that people read as a base letter but that Unicode does not decompose into one plus a mark
    /// (UnicodeData.txt gives them no decomposition), written as they are commonly transliterated. Keys are lower case.
    /// </summary>
    private static readonly Dictionary<char, string> Undecomposed = new()
    {
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['œ'] = "oe",
        ['ø'] = "o",
        ['ł'] = "l",
        ['đ'] = "d",
        ['ı'] = "i",
    };

    /// <summary>
    /// The search form of <paramref name="text"/>: compatibility-decomposed (NFKD, Unicode UAX #15, so ligatures and
    /// full-width letters become plain ones), without combining marks (general categories Mn, Mc, Me: accents,
    /// cedillas, diaeresis), lower case by the invariant culture, the letters above transliterated, and every run of
    /// white space as one space, trimmed. Pure and culture-independent: the same input gives the same key on every
    /// machine. The result may be longer than the input (ß becomes ss) or empty (text of marks or spaces only).
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            var lower = char.ToLowerInvariant(c);
            if (Undecomposed.TryGetValue(lower, out var transliterated))
            {
                folded.Append(transliterated);
            }
            else
            {
                folded.Append(lower);
            }
        }

        return folded.ToString();
    }
}
