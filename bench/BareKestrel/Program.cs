// A truly bare Kestrel 302: the floor the tracker's click path is compared with in bench/run.sh.
// Slim builder, no logging providers, one endpoint answering every path the way a click does
// (302 to an offer, no-store), so wrk sends it exactly the requests it sends the tracker.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/{**path}", (HttpContext http) =>
{
    http.Response.Headers.CacheControl = "no-store";
    return Results.Redirect("https://offer.example/landing?sub1=baseline");
});
app.Run();
