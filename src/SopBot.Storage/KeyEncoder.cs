using System.Text;

namespace SopBot.Storage;

/// <summary>
/// Turns any text into a valid Azure Table PartitionKey or RowKey. Letters, digits, '-' and
/// '_' are kept; every other UTF-8 byte becomes "~XX" in hex. The real service rejects
/// '/', '\', '#', '?' and control characters in keys, which Azurite accepts, so no text
/// from outside may reach a key without passing through here.
/// </summary>
public static class KeyEncoder
{
    /// <summary>The service's limit for a key: 1 KiB.</summary>
    public const int MaxKeyLength = 1_024;

    /// <exception cref="ArgumentException">The text is empty or its encoded form exceeds 1 KiB.</exception>
    public static string Encode(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException("A key cannot be empty.", nameof(text));
        }

        var builder = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_'))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var value in bytes[..length])
            {
                builder.Append('~').Append(value.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (builder.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The encoded key is {builder.Length} characters; the limit is {MaxKeyLength}.", nameof(text));
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Encode"/>.</summary>
    public static string Decode(string key)
    {
        var bytes = new List<byte>(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '~' && i + 2 < key.Length)
            {
                bytes.Add(Convert.ToByte(key.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)key[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
