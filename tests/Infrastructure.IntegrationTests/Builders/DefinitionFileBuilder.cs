using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wellbeing.Infrastructure.IntegrationTests.Builders;

/// <summary>The text of a valid instrument definition file by default; each test changes only what it is about.</summary>
public sealed class DefinitionFileBuilder
{
    private const string Valid = """
        {
          "key": "test-wellbeing",
          "version": 1,
          "measure": "wellbeing",
          "title": "Test wellbeing survey",
          "instructions": "Answer every question.",
          "scoring": "sum",
          "options": [ { "value": 1, "label": "Yes" }, { "value": 0, "label": "No" } ],
          "items": [ { "id": "q1", "text": "I slept well" }, { "id": "q2", "text": "I ate well", "reversed": true } ],
          "subscales": [ { "key": "all", "title": "All", "items": [ "q1", "q2" ] } ],
          "bands": [ { "label": "Any", "from": 0, "to": 2, "meaning": "Any score." } ],
          "validated": false,
          "validityNote": "Written for tests.",
          "licence": { "name": "Test licence", "attribution": "Written for tests.", "url": null, "commercialUseNote": null }
        }
        """;

    private readonly JsonObject _json = JsonNode.Parse(Valid)!.AsObject();

    public DefinitionFileBuilder WithKey(string key) => With("key", key);

    public DefinitionFileBuilder WithVersion(int version) => With("version", version);

    public DefinitionFileBuilder ForMeasure(string measure) => With("measure", measure);

    public DefinitionFileBuilder MarkedCurrent() => With("current", true);

    public DefinitionFileBuilder With(string property, JsonNode? value)
    {
        _json[property] = value;
        return this;
    }

    public DefinitionFileBuilder Without(string property)
    {
        _json.Remove(property);
        return this;
    }

    /// <summary>Changes one property of the first item, e.g. to misspell "reversed".</summary>
    public DefinitionFileBuilder WithFirstItemProperty(string property, JsonNode? value)
    {
        _json["items"]![0]![property] = value;
        return this;
    }

    public string Build() => _json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
