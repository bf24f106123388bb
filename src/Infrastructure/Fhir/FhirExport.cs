using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Wellbeing.Application.Clients.Queries.ExportMyData;
using Wellbeing.Application.Common.Interfaces;

namespace Wellbeing.Infrastructure.Fhir;

/// <summary>
/// A member's submissions as FHIR R4: one QuestionnaireResponse per submission, and one Observation with the score
/// derived from it, in a collection Bundle whose entries refer to each other by urn:uuid.
/// </summary>
public sealed class FhirExport : IFhirExport
{
    /// <summary>Canonical base of our instrument definitions; a response names "base/key|version".</summary>
    public const string QuestionnaireBase = "urn:wellbeing-hubs:questionnaire:";

    /// <summary>Codes of the answer options are their numeric values, scoped per instrument.</summary>
    public const string AnswerSystemBase = "urn:wellbeing-hubs:answers:";

    /// <summary>SNOMED CT "5-item World Health Organization Well-being Index value", as the Danish HL7 IG uses it.</summary>
    private const string Who5ScoreSnomed = "1144665009";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public string QuestionnaireResponseBundle(MyDataExportDto export)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Collection,
            Timestamp = export.ExportedAt,
        };

        foreach (var submission in export.Submissions)
        {
            var responseUrl = $"urn:uuid:{submission.Id}";
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = responseUrl, Resource = Response(submission, export.Member) });
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:{Guid.NewGuid()}", Resource = ScoreObservation(submission, export.Member, responseUrl) });
        }

        return JsonSerializer.Serialize(bundle, Json);
    }

    private static QuestionnaireResponse Response(ExportedSubmissionDto submission, ExportedMemberDto member) => new()
    {
        Identifier = new Identifier("urn:ietf:rfc:3986", $"urn:uuid:{submission.Id}"),
        Questionnaire = $"{QuestionnaireBase}{submission.SurveyKey}|{submission.SurveyVersion.ToString(CultureInfo.InvariantCulture)}",
        Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
        AuthoredElement = new FhirDateTime(submission.SubmittedAt),
        Subject = new ResourceReference { Display = member.Name },
        Item = submission.Answers.Select(answer => new QuestionnaireResponse.ItemComponent
        {
            LinkId = answer.ItemId,
            Text = answer.Text,
            Answer =
            [
                new QuestionnaireResponse.AnswerComponent
                {
                    Value = new Coding(AnswerSystemBase + submission.SurveyKey, answer.Value.ToString(CultureInfo.InvariantCulture), answer.Label),
                },
            ],
        }).ToList(),
    };

    private static Observation ScoreObservation(ExportedSubmissionDto submission, ExportedMemberDto member, string responseUrl)
    {
        var code = new CodeableConcept { Text = $"{submission.SurveyTitle ?? submission.SurveyKey} score" };
        if (submission.SurveyKey == "who-5")
        {
            code.Coding.Add(new Coding("http://snomed.info/sct", Who5ScoreSnomed, "5-item World Health Organization Well-being Index value"));
        }

        return new Observation
        {
            Status = ObservationStatus.Final,
            Code = code,
            Subject = new ResourceReference { Display = member.Name },
            Effective = new FhirDateTime(submission.SubmittedAt),
            Value = new Quantity { Value = submission.Score, Unit = "score", System = "http://unitsofmeasure.org", Code = "{score}" },
            DerivedFrom = [new ResourceReference(responseUrl)],
        };
    }
}
