using System.ComponentModel.DataAnnotations;

namespace SopBot.Storage;

/// <summary>Where SopBot keeps its data. Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>An Azure Storage connection string; "UseDevelopmentStorage=true" reaches Azurite on its default ports.</summary>
    [Required(ErrorMessage = "Storage:ConnectionString is missing. Set it to an Azure Storage connection string, or UseDevelopmentStorage=true for Azurite.")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Prepended to every table name, so that several environments or test runs can share one account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,19}$", ErrorMessage = "Storage:TablePrefix must start with a letter and hold at most 20 letters or digits.")]
    public string TablePrefix { get; set; } = "SopBot";
}
