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
    [InlineData("/clients?search=a&search=b", "Give search at most once.")]
    [InlineData("/clients?page=1&page=2", "Give page at most once.")]
    [InlineData("/clients?page=x", "page: The value &#x27;x&#x27; is not valid.")]
    public async Task AFilterGivenTwiceOrUnreadable_IsRefused_NamingIt(string path, string message)
    {
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var response = await professional.Http.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An offset of page x size beyond what an int holds once wrapped to a negative number (page 1's rows, a negative total).</summary>
    [Theory]
    [InlineData(1000)]
    [InlineData(85899347)]
    [InlineData(int.MaxValue)]
    public async Task APageFarPastTheEnd_IsEmpty_AndCountsEveryone(int page)
    {
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        var everyone = Caption(await professional.Http.GetStringAsync("/clients"));

        var past = await professional.Http.GetStringAsync($"/clients?page={page}");

        Assert.Equal(everyone, Caption(past));
        Assert.DoesNotContain("href=\"/clients/", past);
    }

    [Fact]
    public async Task Search_ForAnotherName_DoesNotFindHer()
    {
        var memberId = await app.Factory.EnrolClientOfAsync(DemoHub.FirstProfessional, ClientSearch.Composed);
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        Assert.False(await ClientSearch.FindsAsync(professional, "Elodia", memberId));
    }

    private static string Caption(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<caption>([^<]*)</caption>").Groups[1].Value;
}
