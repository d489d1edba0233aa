using System.Net;
using Azure;
using Azure.Data.Tables;
using SopBot.Domain;

namespace SopBot.Storage;

/// <summary>
/// Claims in Azure Table storage: PartitionKey the scope (for example "activity" or
/// "welcome"), RowKey the encoded key. Inserting an entity that exists fails with 409,
/// which is what makes the first claim win on every instance.
/// </summary>
public sealed class TableIdempotencyStore(SopBotTables tables, TimeProvider clock) : IIdempotencyStore
{
    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(KeyEncoder.Encode(scope), KeyEncoder.Encode(key)) { ["ClaimedAt"] = clock.GetUtcNow() };
        try
        {
            await tables.Claims.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        await tables.Claims.DeleteEntityAsync(KeyEncoder.Encode(scope), KeyEncoder.Encode(key), ETag.All, cancellationToken);
}
