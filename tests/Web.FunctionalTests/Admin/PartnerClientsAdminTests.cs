using System.Net;
using System.Text.RegularExpressions;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Testing.PartnerSystem;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>An administrator registers a hub's partner system, hands over its secret once, and revokes it.</summary>
public sealed partial class PartnerClientsAdminTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Page = "/admin/partners";

    [Fact]
    public async Task TheList_ShowsTheDemoPartner_WithItsHubAndScope_ButNoSecret()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);

        var (status, body) = await admin.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches($"Northwind HR analytics \\(demo\\)</th>\\s*<td>Northwind Wellbeing Hub <span class=\"hint\">\\(hub id <code>{northwind}</code>\\)</span></td>\\s*<td><code>{DemoHub.PartnerClientId}</code></td>\\s*<td>{PartnerScopes.AggregatesRead}</td>", body);
        Assert.DoesNotContain(DemoHub.PartnerClientSecret, body);
    }

    [Fact]
    public async Task Registering_ShowsTheSecretOnce_AndTheNewClientCanReadItsHub()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var fabrikam = await app.Factory.HubIdAsync("fabrikam");

        var response = await admin.SubmitFormAsync(Page, Page, new Dictionary<string, string> { ["Form.DisplayName"] = "Fabrikam HRIS", ["Form.HubId"] = fabrikam.ToString(), ["Form.Scopes"] = PartnerScopes.AggregatesRead });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("Fabrikam HRIS is registered for Fabrikam Care Hub", body);
        var clientId = NewClientId().Match(body).Groups[1].Value;
        var secret = NewClientSecret().Match(body).Groups[1].Value;
        Assert.True(secret.Length >= 40, "the secret is at least 256 random bits");

        var (_, list) = await admin.GetAsync(Page);
        Assert.Contains(clientId, list);
        Assert.DoesNotContain(secret, list);

        var http = app.Factory.CreateClient();
        var token = await TokenAsync(http, clientId, secret);
        var json = await JsonAsync(await GetAsync(http, AggregatesPath(fabrikam), token));
        Assert.Equal(fabrikam, json.GetProperty("hubId").GetGuid());
        await ProblemAsync(await GetAsync(http, AggregatesPath(await app.Factory.HubIdAsync(DemoHub.Slug)), token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TwoRegistrations_GetDifferentCredentials()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var northwind = (await app.Factory.HubIdAsync(DemoHub.Slug)).ToString();
        var fields = new Dictionary<string, string> { ["Form.DisplayName"] = "Twin", ["Form.HubId"] = northwind, ["Form.Scopes"] = PartnerScopes.AggregatesRead };

        var first = WebUtility.HtmlDecode(await (await admin.SubmitFormAsync(Page, Page, fields)).Content.ReadAsStringAsync());
        var second = WebUtility.HtmlDecode(await (await admin.SubmitFormAsync(Page, Page, fields)).Content.ReadAsStringAsync());

        Assert.NotEqual(NewClientId().Match(first).Groups[1].Value, NewClientId().Match(second).Groups[1].Value);
        Assert.NotEqual(NewClientSecret().Match(first).Groups[1].Value, NewClientSecret().Match(second).Groups[1].Value);
    }

    [Fact]
    public async Task TheSameFormSentTwice_RegistersOnce_AndTheRepeatShowsNoSecret()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var northwind = (await app.Factory.HubIdAsync(DemoHub.Slug)).ToString();
        List<KeyValuePair<string, string>> form = [
            .. await admin.HiddenFieldsAsync(Page, Page), new("Form.DisplayName", "Double click"), new("Form.HubId", northwind), new("Form.Scopes", PartnerScopes.AggregatesRead)];

        var first = WebUtility.HtmlDecode(await (await admin.Http.PostAsync(Page, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());
        var second = WebUtility.HtmlDecode(await (await admin.Http.PostAsync(Page, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());

        Assert.Equal(NewClientId().Match(first).Groups[1].Value, NewClientId().Match(second).Groups[1].Value);
        Assert.Matches(NewClientSecret(), first);
        Assert.DoesNotMatch(NewClientSecret(), second);
        Assert.Contains("This form had already been sent", second);
        var (_, list) = await admin.GetAsync(Page);
        Assert.Single(Regex.Matches(list, "<th scope=\"row\">Double click</th>"));
    }

    [Fact]
    public async Task TheSameFormSentThreeTimesAtOnce_RegistersOnce_AndShowsTheSecretOnce()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var northwind = (await app.Factory.HubIdAsync(DemoHub.Slug)).ToString();
        List<KeyValuePair<string, string>> form = [
            .. await admin.HiddenFieldsAsync(Page, Page), new("Form.DisplayName", "Triple click"), new("Form.HubId", northwind), new("Form.Scopes", PartnerScopes.AggregatesRead)];

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.Http.PostAsync(Page, new FormUrlEncodedContent(form))));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(bodies, body => NewClientSecret().IsMatch(body));
        var (_, list) = await admin.GetAsync(Page);
        Assert.Single(Regex.Matches(list, "<th scope=\"row\">Triple click</th>"));
    }

    [Fact]
    public async Task MissingNameHubAndScope_AreRefusedNextToEachField_KeepingWhatWasTyped()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var fabrikam = await app.Factory.HubIdAsync("fabrikam");

        var noName = await admin.SubmitFormAsync(Page, Page, new Dictionary<string, string> { ["Form.DisplayName"] = " ", ["Form.HubId"] = fabrikam.ToString(), ["Form.Scopes"] = PartnerScopes.AggregatesRead });
        var noHubNorScope = await admin.SubmitFormAsync(Page, Page, new Dictionary<string, string> { ["Form.DisplayName"] = "Half done", ["Form.HubId"] = string.Empty });
        var noNameBody = WebUtility.HtmlDecode(await noName.Content.ReadAsStringAsync());
        var noHubBody = WebUtility.HtmlDecode(await noHubNorScope.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Matches("id=\"name-error\"[^>]*>Give the partner system a name.</span>", noNameBody);
        Assert.Contains($"<option value=\"{fabrikam}\" selected=\"selected\">", noNameBody);
        Assert.Equal(HttpStatusCode.BadRequest, noHubNorScope.StatusCode);
        Assert.Matches("id=\"hub-error\"[^>]*>Choose the hub the partner system belongs to.</span>", noHubBody);
        Assert.Matches("id=\"scopes-error\"[^>]*>Choose at least one thing the partner system may do.</span>", noHubBody);
        Assert.Contains("value=\"Half done\"", noHubBody);
        Assert.DoesNotContain("is registered for", noHubBody);
    }

    [Fact]
    public async Task ATamperedScopeOrHub_IsRefusedWithoutRegistering()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);

        var scope = await admin.SubmitFormAsync(Page, Page, new Dictionary<string, string> { ["Form.DisplayName"] = "Greedy", ["Form.HubId"] = northwind.ToString(), ["Form.Scopes"] = "members:write" });
        var hub = await admin.SubmitFormAsync(Page, Page, new Dictionary<string, string> { ["Form.DisplayName"] = "Lost", ["Form.HubId"] = Guid.NewGuid().ToString(), ["Form.Scopes"] = PartnerScopes.AggregatesRead });

        Assert.Equal(HttpStatusCode.BadRequest, scope.StatusCode);
        Assert.Contains("Choose what the partner system may do from the listed scopes.", WebUtility.HtmlDecode(await scope.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, hub.StatusCode);
        var (_, list) = await admin.GetAsync(Page);
        Assert.DoesNotContain("Greedy", list);
        Assert.DoesNotContain("Lost", list);
    }

    [Fact]
    public async Task Revoking_RemovesTheClient_AndItsTokenStopsWorking()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var partner = await app.Factory.RegisterPartnerAsync(northwind);
        var http = app.Factory.CreateClient();
        var token = await TokenAsync(http, partner);
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var response = await admin.PostFormAsync(Page, $"{Page}/{partner.ClientId}/revoke", []);
        var (_, list) = await admin.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"{partner.ClientId} was revoked", list);
        Assert.DoesNotContain($"<code>{partner.ClientId}</code>", list);
        await ProblemAsync(await GetAsync(http, AggregatesPath(northwind), token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokingAnUnknownClient_IsNotFound()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var response = await admin.PostFormAsync(Page, $"{Page}/partner-unknown/revoke", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("client1@demo.wellbeing.test", "/dashboard")]
    [InlineData(DemoHub.FirstProfessional, "/clients")]
    [InlineData(DemoHub.HrManager, "/hr")]
    public async Task OnlyAdministrators_RegisterOrRevoke(string email, string ownPage)
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var northwind = (await app.Factory.HubIdAsync(DemoHub.Slug)).ToString();

        // A valid antiforgery token from a page the user may open, so only the role decides.
        var formPage = ownPage == "/hr" ? $"/hubs/{northwind}/hr" : ownPage;
        var register = await client.PostFormAsync(formPage, Page, new() { ["Form.DisplayName"] = "Sneaky", ["Form.HubId"] = northwind, ["Form.Scopes"] = PartnerScopes.AggregatesRead });
        var revoke = await client.PostFormAsync(formPage, $"{Page}/{DemoHub.PartnerClientId}/revoke", []);

        Assert.Contains("/errors/403", register.Headers.Location?.OriginalString);
        Assert.Contains("/errors/403", revoke.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(app.Factory.CreateClient(), DemoHub.PartnerClientId, DemoHub.PartnerClientSecret)).StatusCode);
    }

    [Theory]
    [InlineData(Page)]
    [InlineData(Page + "/" + DemoHub.PartnerClientId + "/revoke")]
    public async Task Anonymous_CannotRegisterOrRevoke(string action)
    {
        var response = await BrowserlessClient.For(app.Factory).Http.PostAsync(action, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(app.Factory.CreateClient(), DemoHub.PartnerClientId, DemoHub.PartnerClientSecret)).StatusCode);
    }

    /// <summary>A page elsewhere posting with the administrator's cookie (cross-site request forgery) gets nowhere.</summary>
    [Theory]
    [InlineData(Page)]
    [InlineData(Page + "/" + DemoHub.PartnerClientId + "/revoke")]
    public async Task RegisteringOrRevokingWithoutAntiforgeryToken_IsRejected(string action)
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var response = await admin.Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.DisplayName"] = "Forged" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(app.Factory.CreateClient(), DemoHub.PartnerClientId, DemoHub.PartnerClientSecret)).StatusCode);
    }

    /// <summary>A partner's token is for the API alone: the pages ask for a person's sign-in.</summary>
    [Theory]
    [InlineData(Page)]
    [InlineData("/hubs/{northwind}/hr")]
    [InlineData("/hubs/{northwind}/hr/export.csv")]
    public async Task APartnersToken_OpensNoPage(string path)
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var http = BrowserlessClient.For(app.Factory).Http;
        var token = await TokenAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var response = await GetAsync(http, path.Replace("{northwind}", northwind.ToString()), token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("<code id=\"new-client-id\">([^<]+)</code>")]
    private static partial Regex NewClientId();

    [GeneratedRegex("<code id=\"new-client-secret\">([^<]+)</code>")]
    private static partial Regex NewClientSecret();
}
