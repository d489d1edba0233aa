using SopBot.Bot.Hosting;

namespace SopBot.Bot.Tests;

public sealed class BotOptionsValidatorTests
{
    private readonly BotOptionsValidator _validator = new();

    [Fact]
    public void NoAppId_WithoutLocalMode_FailsNamingTheSettings()
    {
        var result = _validator.Validate(null, new BotOptions());

        Assert.True(result.Failed);
        Assert.Contains("Bot:MicrosoftAppId", result.FailureMessage);
        Assert.Contains("Bot:AllowInsecureAnonymousLocalMode", result.FailureMessage);
    }

    [Fact]
    public void NoAppId_WithLocalMode_Succeeds()
    {
        Assert.True(_validator.Validate(null, new BotOptions { AllowInsecureAnonymousLocalMode = true }).Succeeded);
    }

    [Fact]
    public void FullSingleTenantCredentials_Succeed()
    {
        var options = new BotOptions
        {
            MicrosoftAppType = "SingleTenant",
            MicrosoftAppId = Guid.NewGuid().ToString(),
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = Guid.NewGuid().ToString(),
        };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void AppIdWithoutPasswordOrTenant_FailsNamingEach()
    {
        var result = _validator.Validate(null, new BotOptions { MicrosoftAppType = "SingleTenant", MicrosoftAppId = Guid.NewGuid().ToString() });

        Assert.True(result.Failed);
        Assert.Contains("Bot:MicrosoftAppPassword", result.FailureMessage);
        Assert.Contains("Bot:MicrosoftAppTenantId", result.FailureMessage);
    }

    [Fact]
    public void AppIdTogetherWithLocalMode_Fails()
    {
        var options = new BotOptions { MicrosoftAppId = Guid.NewGuid().ToString(), MicrosoftAppPassword = "s", AllowInsecureAnonymousLocalMode = true };

        Assert.Contains("cannot be combined", _validator.Validate(null, options).FailureMessage);
    }

    [Theory]
    [InlineData("not-a-guid", "MultiTenant")]
    [InlineData("00000000-0000-0000-0000-000000000001", "Sideways")]
    public void MalformedSettings_Fail(string appId, string appType)
    {
        var options = new BotOptions { MicrosoftAppId = appId, MicrosoftAppType = appType, MicrosoftAppPassword = "s" };

        Assert.True(_validator.Validate(null, options).Failed);
    }
}
