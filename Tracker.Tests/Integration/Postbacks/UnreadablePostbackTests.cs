using System.Net;
using System.Net.Sockets;
using System.Text;
using Tracker.Core.Conversions;

namespace Tracker.Tests.Integration.Postbacks;

/// <summary>
/// Postbacks whose body cannot be read, sent over real HTTP to Kestrel (the in-memory test server has
/// no body limits and no broken connections): each answers 400 or 413 with the reason, is logged with
/// its outcome, and records nothing.
/// </summary>
public sealed class UnreadablePostbackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TruncatedMultipartBodyIsA400WithTheReasonAndIsLogged()
    {
        await using var bed = await PostbackTestBed.StartAsync(realHttp: true);
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        // The closing boundary never comes: the network's proxy cut the body off.
        var body = $"--b0undary\r\nContent-Disposition: form-data; name=\"subid\"\r\n\r\n{click.SubId}\r\n--b0undary\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\nsa";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b0undary");

        var response = await bed.Client.PostAsync(bed.PostbackPath, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("incomplete", await response.Content.ReadAsStringAsync(Ct));
        Assert.Null(await bed.ConversionAsync(click.SubId));
        var log = Assert.Single(await bed.LogAsync());
        Assert.Equal((PostbackOutcome.Malformed, "POST"), (log.Outcome, log.Method));
        Assert.Contains("incomplete", log.Message);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimitIsA413WithTheReasonAndIsLogged()
    {
        await using var bed = await PostbackTestBed.StartAsync(realHttp: true);
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var body = Encoding.ASCII.GetBytes($"subid={click.SubId}&status=sale&pad={new string('x', 40 * 1024)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, bed.PostbackPath)
        {
            // No length known up front: HttpClient sends it chunked, and only the reader's limit stops it.
            Content = new StreamContent(new UnseekableStream(body)),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.TransferEncodingChunked = true;

        var response = await bed.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("16 KB", await response.Content.ReadAsStringAsync(Ct));
        Assert.Null(await bed.ConversionAsync(click.SubId));
        var log = Assert.Single(await bed.LogAsync());
        Assert.Equal((PostbackOutcome.Malformed, "POST"), (log.Outcome, log.Method));
        Assert.Contains("16 KB", log.Message);
    }

    [Fact]
    public async Task BodyCutOffBeforeItsContentLengthIsA400AndIsLogged()
    {
        await using var bed = await PostbackTestBed.StartAsync(realHttp: true);
        var click = await bed.AddClickAsync(await bed.AddOfferAsync());
        var uri = new Uri(bed.Client.BaseAddress!, bed.PostbackPath);

        using var socket = new TcpClient();
        await socket.ConnectAsync(uri.Host, uri.Port, Ct);
        var stream = socket.GetStream();
        var head = $"POST {uri.PathAndQuery}?from=RawNet HTTP/1.1\r\nHost: {uri.Authority}\r\n" +
                   "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\n" +
                   $"subid={click.SubId}&status=sale";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        // The body ends 450 bytes early: the network hung up. Kestrel closes such a connection, so the
        // 400 may never reach it, but the log must say what came in and why nothing was recorded.
        socket.Client.Shutdown(SocketShutdown.Send);
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync(Ct);
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), answer);

        var log = await WaitForSingleLogAsync(bed);
        Assert.Equal((PostbackOutcome.Malformed, "POST"), (log.Outcome, log.Method));
        Assert.Contains("cannot be read", log.Message);
        Assert.Contains("from=RawNet", log.Raw);
        Assert.Null(await bed.ConversionAsync(click.SubId));
    }

    private static async Task<PostbackLogEntry> WaitForSingleLogAsync(PostbackTestBed bed)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var log = await bed.LogAsync();
            if (log.Count > 0) return Assert.Single(log);
            await Task.Delay(50, timeout.Token);
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task TheErrorPageAnswersEveryMethodSoAFailedRequestIsNeverA405(string method)
    {
        await using var bed = await PostbackTestBed.StartAsync(realHttp: true);

        var response = await bed.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/error"), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A stream HttpClient cannot measure, so the request goes out chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
