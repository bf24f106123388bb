using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>The professional's live search on SQLite, whose own <c>lower()</c> folds ASCII only; PostgresAppTests runs the same cases there.</summary>
public sealed class ClientSearchTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string> NamesAndQueries()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { ClientSearch.Composed, ClientSearch.Decomposed })
        {
            foreach (var query in ClientSearch.Queries)
            {
                data.Add(name, query);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NamesAndQueries))]
    public async Task Search_IgnoresCaseAccentsAndUnicodeForm(string name, string query)
    {
        var memberId = await app.Factory.EnrolClientOfAsync(DemoHub.FirstProfessional, name);
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        Assert.True(await ClientSearch.FindsAsync(professional, query, memberId), $"\"{query}\" should find \"{name}\".");
    }

    /// <summary>Binary order would put "Élodie" after every ASCII name; people expect her among the E's.</summary>
    [Fact]
    public async Task List_SortsByTheFoldedName()
    {
        await app.Factory.EnrolClientOfAsync(DemoHub.FirstProfessional, ClientSearch.Composed);
        await app.Factory.EnrolClientOfAsync(DemoHub.FirstProfessional, "Eloise Zed");
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var page = System.Net.WebUtility.HtmlDecode(await professional.Http.GetStringAsync("/clients?search=elo"));

        Assert.InRange(page.IndexOf(ClientSearch.Composed, StringComparison.Ordinal), 0, page.IndexOf("Eloise Zed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/clients?search=a&search=b")]
    [InlineData("/clients?page=1&page=2")]
    [InlineData("/clients?page=x")]
    public async Task AFilterGivenTwiceOrUnreadable_IsRefused(string path)
    {
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var response = await professional.Http.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Search_ForAnotherName_DoesNotFindHer()
    {
        var memberId = await app.Factory.EnrolClientOfAsync(DemoHub.FirstProfessional, ClientSearch.Composed);
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        Assert.False(await ClientSearch.FindsAsync(professional, "Elodia", memberId));
    }
}
