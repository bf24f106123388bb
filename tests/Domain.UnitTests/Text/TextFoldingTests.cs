using System.Text;
using Wellbeing.Domain.Text;

namespace Wellbeing.Domain.UnitTests.Text;

public class TextFoldingTests
{
    private const string Composed = "\u00c9lodie Dupr\u00e9";
    private const string Decomposed = "E\u0301lodie Dupre\u0301";

    [Theory]
    [InlineData(Composed)]
    [InlineData(Decomposed)]
    [InlineData("ÉLODIE DUPRÉ")]
    [InlineData("elodie dupre")]
    [InlineData("  Élodie \t Dupré ")]
    public void WaysOfWritingTheSameName_FoldToOneKey(string written)
    {
        Assert.Equal("elodie dupre", TextFolding.Fold(written));
    }

    [Fact]
    public void ComposedAndDecomposedForms_AreReallyDifferentStrings()
    {
        // Guards the test data above: an editor that normalises the file would make the form tests pass trivially.
        Assert.NotEqual(Composed, Decomposed);
        Assert.Equal(Composed, Decomposed.Normalize(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Straße", "strasse")]
    [InlineData("Łukasz Øvergård", "lukasz overgard")]
    [InlineData("Æsa Œuvre", "aesa oeuvre")]
    [InlineData("İlkay Iğdır", "ilkay igdir")]
    [InlineData("Ｚｏë ﬁnn", "zoe finn")]
    [InlineData("François Müller-Núñez", "francois muller-nunez")]
    public void LettersPeopleReadAsPlainLetters_FoldToThem(string written, string folded)
    {
        Assert.Equal(folded, TextFolding.Fold(written));
    }

    [Fact]
    public void MarksOnly_FoldToEmpty()
    {
        Assert.Equal(string.Empty, TextFolding.Fold("\u0301\u0308 "));
    }

    [Fact]
    public void FoldingTwice_ChangesNothing()
    {
        var once = TextFolding.Fold("Ḱǿŝṫᶏ ẞÆR");

        Assert.Equal(once, TextFolding.Fold(once));
    }
}
