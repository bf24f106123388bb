using Microsoft.Playwright;

namespace Wellbeing.Testing.Browser;

/// <summary>The login form as the app's contract describes it: Email, Password, "Sign in".</summary>
public static class SignInPage
{
    public const string Path = "/account/login";

    /// <summary>
    /// Signs in through the form and waits for the page the app answers with; it does not assert success,
    /// so scenarios about rejected credentials can use it too.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync(Path);
        await page.GetByLabel("Email", new PageGetByLabelOptions { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
