using Azure.Data.Tables;
using SopBot.IntegrationTests.Support;
using SopBot.Storage;

namespace SopBot.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class KeyEncodingTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("a/b\\c#d?e")]
    [InlineData("tab\there")]
    [InlineData("user-id-0")]
    [InlineData("Ñandú ~ 🌎")]
    public async Task EncodedKey_RoundTripsThroughStorage(string text)
    {
        var table = azurite.TableService().GetTableClient(AzuriteFixture.NewTablePrefix() + "Keys");
        await table.CreateIfNotExistsAsync();
        var key = KeyEncoder.Encode(text);

        await table.AddEntityAsync(new TableEntity(key, key));
        var entity = await table.GetEntityAsync<TableEntity>(key, key);

        Assert.DoesNotMatch("[/\\\\#?\\p{Cc}]", key);
        Assert.Equal(text, KeyEncoder.Decode(entity.Value.PartitionKey));
    }
}
