using Serilog.Events;
using Serilog.Parsing;
using Tracker.Web.Logging;

namespace Tracker.Tests.Unit;

public sealed class ControlCharacterEscaperTests
{
    private static LogEvent Event(params LogEventProperty[] properties) => new(
        DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("{A}"), properties);

    private static string Rendered(LogEvent e, string name)
    {
        new ControlCharacterEscaper().Enrich(e, null!);
        return e.Properties[name].ToString();
    }

    [Fact]
    public void LineBreaksEscapesAndOtherControlsBecomeVisibleEscapes()
    {
        var e = Event(new LogEventProperty("A", new ScalarValue("a\r\nb\u001b[31mc\td\u0000\u2028")));
        Assert.Equal("\"a\\r\\nb\\u001b[31mc\\td\\u0000\\u2028\"", Rendered(e, "A"));
    }

    [Fact]
    public void StringsInsideSequencesStructuresAndDictionariesAreEscapedToo()
    {
        var e = Event(
            new LogEventProperty("S", new SequenceValue([new ScalarValue("x\ny")])),
            new LogEventProperty("T", new StructureValue([new LogEventProperty("Path", new ScalarValue("/a\r\n"))])),
            new LogEventProperty("D", new DictionaryValue([new(new ScalarValue("k\n"), new ScalarValue("v\r"))])));
        new ControlCharacterEscaper().Enrich(e, null!);
        Assert.DoesNotContain('\n', e.Properties["S"].ToString());
        Assert.DoesNotContain('\n', e.Properties["T"].ToString());
        Assert.DoesNotContain('\r', e.Properties["D"].ToString());
        Assert.DoesNotContain('\n', e.Properties["D"].ToString());
    }

    [Fact]
    public void CleanValuesAreLeftAsTheyWere()
    {
        var value = new ScalarValue("GET /admin/offers — ünïcödé 😀");
        var number = new ScalarValue(42);
        var e = Event(new LogEventProperty("A", value), new LogEventProperty("N", number));
        new ControlCharacterEscaper().Enrich(e, null!);
        Assert.Same(value, e.Properties["A"]);
        Assert.Same(number, e.Properties["N"]);
    }
}
