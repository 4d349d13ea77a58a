using Tracker.Core.Conversions;

namespace Tracker.Tests.Core.Conversions;

public sealed class StatusMapTests
{
    public static TheoryData<string?, string?, string?, string?, string?, ConversionStatus?, StatusSource> Cases => new()
    {
        // lead_status, sale_status, rejected_status, ignore_status, word → status, source
        { null, null, null, null, null, ConversionStatus.Sale, StatusSource.Default },
        { null, null, null, null, "", ConversionStatus.Sale, StatusSource.Default },
        { null, null, null, null, "sale", ConversionStatus.Sale, StatusSource.Native },
        { null, null, null, null, "LEAD", ConversionStatus.Lead, StatusSource.Native },
        { null, null, null, null, "Rejected", ConversionStatus.Rejected, StatusSource.Native },
        { null, null, null, null, "rebill", ConversionStatus.Rebill, StatusSource.Native },
        { "reg,dep,lead", "approve,rebill", "reject", null, "dep", ConversionStatus.Lead, StatusSource.Mapped },
        { "reg,dep,lead", "approve,rebill", "reject", null, "approve", ConversionStatus.Sale, StatusSource.Mapped },
        { "reg,dep,lead", "approve,rebill", "reject", null, "reject", ConversionStatus.Rejected, StatusSource.Mapped },
        // The network's list wins over our own word: its "rebill" is a sale here, its "lead" a sale there.
        { "reg,dep,lead", "approve,rebill", "reject", null, "rebill", ConversionStatus.Sale, StatusSource.Mapped },
        { "hold", "lead", "reject", null, "lead", ConversionStatus.Sale, StatusSource.Mapped },
        { "2,5", "1", "3,rejected,trash", null, "trash", ConversionStatus.Rejected, StatusSource.Mapped },
        { "2,5", "1", "3", null, " 5 ", ConversionStatus.Lead, StatusSource.Mapped },
        // Commas that arrived still URL-encoded (the network encoded them a second time).
        { "2%2C5", "1", "3%2crejected%2Ctrash", null, "5", ConversionStatus.Lead, StatusSource.Mapped },
        { "2%2C5", "1", "3%2crejected%2Ctrash", null, "trash", ConversionStatus.Rejected, StatusSource.Mapped },
        { "pending, hold", " approved ", "declined", null, "hold", ConversionStatus.Lead, StatusSource.Mapped },
        { null, "APPROVED", null, null, "approved", ConversionStatus.Sale, StatusSource.Mapped },
        { null, null, null, "ping,test", "test", null, StatusSource.Ignored },
        { null, "test", null, "test", "test", null, StatusSource.Ignored },
        { null, null, null, "ping", "sale", ConversionStatus.Sale, StatusSource.Native },
        { "new", "approved", null, null, "approved_later", ConversionStatus.Lead, StatusSource.Unknown },
        { null, null, null, null, "confirmed", ConversionStatus.Lead, StatusSource.Unknown },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WordsMapToOurStatuses(string? lead, string? sale, string? rejected, string? ignore, string? word,
        ConversionStatus? expectedStatus, StatusSource expectedSource)
    {
        var resolution = StatusMap.Parse(lead, sale, rejected, ignore).Resolve(word);
        Assert.Equal(expectedStatus, resolution.Status);
        Assert.Equal(expectedSource, resolution.Source);
        Assert.Equal(word?.Trim() ?? "", resolution.Word);
    }

    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a,b,,c", new[] { "a", "b", "c" })]
    [InlineData(" a , b ", new[] { "a", "b" })]
    [InlineData("a%2Cb%2cc", new[] { "a", "b", "c" })]
    public void ListsSplitOnCommasEncodedOrNot(string? list, string[] expected)
    {
        Assert.Equal(expected, StatusMap.SplitList(list));
    }
}
