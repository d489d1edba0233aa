using SopBot.Domain.CheckIns;

namespace SopBot.Domain.Tests;

public sealed class QuarterTests
{
    [Theory]
    [InlineData(2026, 1, 1, "2026-Q1")]
    [InlineData(2026, 3, 31, "2026-Q1")]
    [InlineData(2026, 4, 1, "2026-Q2")]
    [InlineData(2026, 12, 4, "2026-Q4")]
    public void FromDate_GivesCalendarQuarter(int year, int month, int day, string expected)
    {
        var quarter = Quarter.FromDate(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(expected, quarter.ToString());
    }

    [Fact]
    public void Previous_OfFirstQuarter_IsLastOfPreviousYear()
    {
        Assert.Equal(new Quarter(2025, 4), new Quarter(2026, 1).Previous());
    }

    [Theory]
    [InlineData("2026-Q4", true)]
    [InlineData("2026-Q5", false)]
    [InlineData("2026-Q0", false)]
    [InlineData("26-Q1", false)]
    [InlineData("2026Q1", false)]
    [InlineData(" 2026-Q1", false)]
    [InlineData("1999-Q1", false)]
    [InlineData(null, false)]
    public void TryParse_AcceptsOnlyTheCanonicalForm(string? text, bool valid)
    {
        Assert.Equal(valid, Quarter.TryParse(text, out _));
    }
}
