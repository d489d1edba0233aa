using SopBot.Domain.Countries;

namespace SopBot.Domain.Tests;

public sealed class CountryCatalogTests
{
    [Fact]
    public void Catalog_HasTwentySixCountriesWithUniqueCodes()
    {
        Assert.Equal(26, CountryCatalog.All.Count);
        Assert.Equal(26, CountryCatalog.All.Select(country => country.Iso3).Distinct().Count());
        Assert.Equal(26, CountryCatalog.All.Select(country => country.SourceCode).Distinct().Count());
    }

    [Theory]
    [InlineData("BRA", "BRA")]
    [InlineData("bra", "BRA")]
    [InlineData("Brazil", "BRA")]
    [InlineData("Brasil", "BRA")]
    [InlineData("  BRASIL ", "BRA")]
    [InlineData("Haïti", "HTI")]
    [InlineData("Haiti", "HTI")]
    [InlineData("haití", "HTI")]
    [InlineData("HAI", "HTI")]
    [InlineData("México", "MEX")]
    [InlineData("mexico", "MEX")]
    [InlineData("República Dominicana", "DOM")]
    [InlineData("republica dominicana", "DOM")]
    [InlineData("Dominican Republic", "DOM")]
    [InlineData("Trinidad & Tobago", "TTO")]
    [InlineData("trinidad y tobago", "TTO")]
    [InlineData("PTY", "PAN")]
    [InlineData("Panamá", "PAN")]
    [InlineData("URU", "URY")]
    [InlineData("Belice", "BLZ")]
    [InlineData("Surinam", "SUR")]
    [InlineData("Perú", "PER")]
    public void Resolve_AcceptsCodesAndNamesInAnyForm(string typed, string expectedIso3)
    {
        Assert.Equal(expectedIso3, CountryCatalog.Resolve(typed)?.Iso3);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Atlantis")]
    [InlineData("Spain")]
    [InlineData("BR")]
    public void Resolve_UnknownCountry_ReturnsNull(string? typed)
    {
        Assert.Null(CountryCatalog.Resolve(typed));
    }

    [Fact]
    public void Resolve_VeryLongText_ReturnsNull()
    {
        Assert.Null(CountryCatalog.Resolve(new string('a', 10_000)));
    }

    [Theory]
    [InlineData("Brazl", "BRA")]
    [InlineData("Columbia", "COL")]
    [InlineData("Guatamala", "GTM")]
    public void Suggest_MisspeltName_OffersTheCountry(string typed, string expectedIso3)
    {
        Assert.Contains(CountryCatalog.Suggest(typed), country => country.Iso3 == expectedIso3);
    }

    [Fact]
    public void Suggest_Nonsense_OffersNothing()
    {
        Assert.Empty(CountryCatalog.Suggest("xyzzyplugh"));
    }
}
