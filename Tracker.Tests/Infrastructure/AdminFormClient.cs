using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tracker.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client that uses the admin's plain HTML forms (setup, login, password,
/// logout) the way a browser does: read the page, take its antiforgery token, post the form.
/// Redirects are not followed, so tests can assert where each answer sends the browser.
/// </summary>
public sealed partial class AdminFormClient(HttpClient client)
{
    public const string UserName = "admin";
    public const string Password = "correct horse battery";

    public HttpClient Http { get; } = client;

    public static AdminFormClient Create(TrackerApplication app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public Task<HttpResponseMessage> SetupAsync(string userName = UserName, string password = Password, string? confirm = null) =>
        PostFormAsync("/admin/setup", "/admin/setup", new() { ["userName"] = userName, ["password"] = password, ["confirm"] = confirm ?? password });

    public Task<HttpResponseMessage> LoginAsync(string userName = UserName, string password = Password) =>
        PostFormAsync("/admin/login", "/admin/login", new() { ["userName"] = userName, ["password"] = password, ["returnUrl"] = "" });

    public Task<HttpResponseMessage> ChangePasswordAsync(string current, string password, string? confirm = null) =>
        PostFormAsync("/admin/account", "/admin/account/password", new() { ["current"] = current, ["password"] = password, ["confirm"] = confirm ?? password });

    public Task<HttpResponseMessage> LogoutAsync() =>
        PostFormAsync("/admin/account", "/admin/logout", []);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>Loads the page that holds the form (for its antiforgery token), then posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await GetAsync(formPage);
        if (page.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {formPage} answered {(int)page.StatusCode} {page.Headers.Location}, not the form.");
        fields["__RequestVerificationToken"] = await TokenFromAsync(page);
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery token of the form on a page.</summary>
    public static async Task<string> TokenFromAsync(HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException($"{page.RequestMessage?.RequestUri} carries no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
