using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wellbeing.Application.Administration.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Web.Models;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>
/// The hub form's model, beside its view: it maps a hub to the form and back, and puts each of the domain's refusals
/// beside the input it is about. The pages themselves are driven over HTTP in <see cref="HubsAdminTests"/>.
/// </summary>
public sealed class HubFormTests
{
    [Fact]
    public void Refusal_OfEveryField_LandsUnderTheNameOfThatFieldsInput()
    {
        var fields = Enum.GetValues<HubField>();
        var modelState = new ModelStateDictionary();

        HubPage.AddRefusal(modelState, new HubRefusedException([.. fields.Select(f => new HubFieldError(f, $"About {f}."))]));

        Assert.All(fields, field =>
        {
            Assert.NotNull(typeof(HubForm).GetProperty(field.ToString()));
            Assert.Equal($"About {field}.", Assert.Single(modelState[$"Form.{field}"]!.Errors).ErrorMessage);
        });
    }

    [Fact]
    public void StoredHub_DrawnAndPostedUnchanged_GivesTheSameInputBack()
    {
        var stored = HubInput.Blank() with { Name = "Northwind", Organisation = "Northwind Traders", Slug = "northwind", TimeZoneId = "Europe/Amsterdam" };

        Assert.Equal(stored, HubForm.From(hubId: null, stored).ToInput());
    }

    [Fact]
    public void NewHubPage_DrawsTheDefaults_WithAFreshIdEachTime()
    {
        var first = HubPage.New();

        Assert.Null(first.HubId);
        Assert.Equal(HubInput.Blank(), first.Form.ToInput());
        Assert.NotEqual(first.Form.HubId, HubPage.New().Form.HubId);
    }
}
