using System.Net;
using Tracker.Core.Security;
using Tracker.Core.Validation;

namespace Tracker.Tests.Core.Security;

public sealed class IpAllowListTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    [InlineData("198.51.100.0/24", "198.51.100.255", true)]
    [InlineData("198.51.100.0/24", "198.51.101.0", false)]
    [InlineData("10.0.0.0/8", "10.255.1.2", true)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::1", "2001:db8::1", true)]
    // An IPv4 client on a dual-stack socket is seen as ::ffff:a.b.c.d and still matches IPv4 entries.
    [InlineData("203.0.113.0/24", "::ffff:203.0.113.9", true)]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9", true)]
    public void MatchesAddressesAndRanges(string entry, string address, bool allowed)
    {
        var errors = new ValidationErrors();
        var list = IpAllowList.Parse(entry, errors, "f");
        Assert.True(errors.IsValid);
        Assert.Equal(allowed, list.Allows(IPAddress.Parse(address)));
    }

    [Fact]
    public void AnEmptyListAllowsEveryoneAndASetListRefusesAnUnknownAddress()
    {
        Assert.True(IpAllowList.Parse(" \n ,", new ValidationErrors(), "f").Allows(null));
        Assert.False(IpAllowList.Parse("203.0.113.7", new ValidationErrors(), "f").Allows(null));
    }

    [Fact]
    public void EntriesAreSplitOnLinesCommasAndSpacesNormalizedAndDeduplicated()
    {
        var errors = new ValidationErrors();
        var list = IpAllowList.Parse("203.0.113.7, 2001:DB8::/32\r\n203.0.113.7  10.0.0.0/8;198.51.100.4/32", errors, "f");
        Assert.True(errors.IsValid);
        Assert.Equal(["203.0.113.7", "2001:db8::/32", "10.0.0.0/8", "198.51.100.4"], list.Entries);
        Assert.Equal("203.0.113.7\n2001:db8::/32\n10.0.0.0/8\n198.51.100.4", list.ToString());
    }

    [Theory]
    [InlineData("10.0.0.300", "is not an IP address")]
    [InlineData("10.1", "is not an IP address")]
    [InlineData("office", "is not an IP address")]
    [InlineData("fe80::1%eth0", "is not an IP address")]
    [InlineData("10.0.0.0/33", "from 0 to 32")]
    [InlineData("2001:db8::/129", "from 0 to 128")]
    [InlineData("10.0.0.0/x", "from 0 to 32")]
    [InlineData("192.168.1.5/24", "did you mean 192.168.1.0/24?")]
    [InlineData("::/0", "leave the list empty")]
    public void BadEntriesAreNamedWithWhatIsWrong(string entry, string message)
    {
        var errors = new ValidationErrors();
        IpAllowList.Parse("203.0.113.7\n" + entry, errors, "allowList");
        var error = Assert.Single(errors.For("allowList"));
        Assert.Contains(message, error);
    }

    [Fact]
    public void AtMostTwoHundredEntries()
    {
        var errors = new ValidationErrors();
        IpAllowList.Parse(Enumerable.Range(0, 201).Select(i => $"10.0.{i / 256}.{i % 256}"), errors, "f");
        Assert.Contains("At most 200", Assert.Single(errors.For("f")));
    }
}
