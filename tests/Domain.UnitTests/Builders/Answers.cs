using Wellbeing.Domain.Surveys;

namespace Wellbeing.Domain.UnitTests.Builders;

/// <summary>Answer sets in the shape the domain reads them: item id to chosen value, null for "not answered".</summary>
public static class Answers
{
    /// <summary>One value per item, in the survey's item order.</summary>
    public static Dictionary<string, int?> InOrder(Survey survey, params int[] values)
    {
        if (values.Length != survey.Items.Count)
        {
            throw new ArgumentException($"{survey.Key} has {survey.Items.Count} items but {values.Length} values were given.", nameof(values));
        }

        return survey.Items.Zip(values).ToDictionary(p => p.First.Id, p => (int?)p.Second);
    }

    public static Dictionary<string, int?> AllSame(Survey survey, int value) =>
        survey.Items.ToDictionary(i => i.Id, _ => (int?)value);
}
