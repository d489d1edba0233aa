using SopBot.Domain.Sop;

namespace SopBot.Domain.Tests;

public sealed class SopCatalogTests
{
    [Fact]
    public void Catalog_HasSixPillarsAndFifteenElements()
    {
        Assert.Equal(6, SopCatalog.Pillars.Count);
        Assert.Equal(15, SopCatalog.Elements.Count);
    }

    [Fact]
    public void Elements_AreNumberedInPillarOrder()
    {
        Assert.Equal(Enumerable.Range(1, 15), SopCatalog.Elements.Select(element => element.Number));
        var pillarNumbers = SopCatalog.Elements.Select(element => element.Pillar.Number).ToList();
        Assert.Equal(pillarNumbers.Order(), pillarNumbers);
    }

    [Theory]
    [InlineData(1, "Overarching", 2)]
    [InlineData(2, "One Programme", 3)]
    [InlineData(3, "Common Budgetary Framework (and One Fund)", 3)]
    [InlineData(4, "One Leader", 2)]
    [InlineData(5, "Operating as One", 3)]
    [InlineData(6, "Communicating as One", 2)]
    public void Pillar_HasItsElements(int pillarNumber, string name, int elementCount)
    {
        var pillar = SopCatalog.Pillars[pillarNumber - 1];

        Assert.Equal(name, pillar.NameEn);
        Assert.Equal(elementCount, SopCatalog.ElementsOf(pillar).Count());
    }

    [Fact]
    public void Element12_IsTheOperationsManagementTeam()
    {
        var element = SopCatalog.Element(12);

        Assert.Equal("Empowered Operations Management Team (chaired by a Head of Agency)", element.Definition);
        Assert.Same(SopCatalog.OperatingAsOne, element.Pillar);
    }

    [Fact]
    public void EveryElement_HasBothLanguages()
    {
        foreach (var element in SopCatalog.Elements)
        {
            Assert.False(string.IsNullOrWhiteSpace(element.DefinitionEs), $"element {element.Number} has no Spanish definition");
            Assert.False(string.IsNullOrWhiteSpace(element.ShortTitleEs), $"element {element.Number} has no Spanish title");
            Assert.NotEqual(element.Definition, element.DefinitionEs);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(-1)]
    public void Element_OutsideOneToFifteen_Throws(int number)
    {
        Assert.False(SopCatalog.IsValidElementNumber(number));
        Assert.Throws<ArgumentOutOfRangeException>(() => SopCatalog.Element(number));
    }

    [Fact]
    public void Statuses_RoundTripThroughTheirCodes()
    {
        foreach (var status in ElementStatuses.All)
        {
            Assert.True(ElementStatuses.TryParse(status.Code(), out var parsed));
            Assert.Equal(status, parsed);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Achieved")]
    [InlineData("done")]
    public void Status_UnknownCode_IsRejected(string? code)
    {
        Assert.False(ElementStatuses.TryParse(code, out _));
    }

    [Theory]
    [InlineData("es-MX", Language.Spanish)]
    [InlineData("es", Language.Spanish)]
    [InlineData("ES-es", Language.Spanish)]
    [InlineData("en-US", Language.English)]
    [InlineData("fr-FR", Language.English)]
    [InlineData(null, Language.English)]
    [InlineData("", Language.English)]
    public void Locale_PicksLanguage(string? locale, Language expected)
    {
        Assert.Equal(expected, Languages.FromLocale(locale));
    }
}
