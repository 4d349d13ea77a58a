using System.Net;
using System.Text;

namespace Tracker.Tests.Integration.Api;

public sealed class ApiBodyBindingTests(SharedApiHost app) : IClassFixture<SharedApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "redirectType": "301" }""", "redirectType", "double_meta")]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "payoutType": "cpl" }""", "payoutType", "cpa, cpc")]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "state": "deleted" }""", "state", "active, archived")]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "payoutValue": "12.5" }""", "payoutValue", "number")]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "groupId": "three" }""", "groupId", "whole number")]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "rebills": "yes" }""", "rebills", "true or false")]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "countries": "DE" }""", "countries", "array")]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "conversionCap": { "dailyLimit": 1.5 } }""", "conversionCap.dailyLimit", "whole number")]
    [InlineData("""{ "name": "A", "url": "https://a.example/", "payoutValue": 12,5 }""", "payoutValue", "not valid JSON")]
    [InlineData("""{ "name": "A", "conversionCap": { "timeZone": } }""", "conversionCap.timeZone", "not valid JSON")]
    [InlineData("""{ "name": "A" """, "name", "not valid JSON")]
    [InlineData("""[ { "name": "A" } ]""", "body", "JSON object")]
    [InlineData("""null""", "body", "JSON object")]
    public async Task UnreadableBodyIsAProblemNamingTheField(string body, string field, string hint)
    {
        var errors = await (await app.Client.PostJsonAsync("/api/v1/offers", body)).ExpectValidationProblemAsync();
        var message = Assert.Single(Assert.Contains(field, errors));
        Assert.Contains(hint, message);
        Assert.Single(errors);
    }

    [Fact]
    public async Task BodyThatIsNotJsonIsRefusedWithAProblem()
    {
        var form = await app.Client.PostAsync("/api/v1/offers", new StringContent("name=A", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        await form.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var empty = await app.Client.PostAsync("/api/v1/offers", new StringContent("", Encoding.UTF8, "application/json"), Ct);
        Assert.Contains("empty", Assert.Single((await empty.ExpectValidationProblemAsync())["body"]));
    }

    [Fact]
    public async Task HugeBodyIsRefusedWithoutBeingRead()
    {
        var notes = new string('x', 2 * 1024 * 1024);
        var response = await app.Client.PostJsonAsync("/api/v1/offers", $$"""{ "name": "A", "url": "https://a.example/", "notes": "{{notes}}" }""");
        Assert.Contains("larger than", Assert.Single((await response.ExpectValidationProblemAsync())["body"]));
    }
}
