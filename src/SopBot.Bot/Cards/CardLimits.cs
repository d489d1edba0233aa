namespace SopBot.Bot.Cards;

/// <summary>Size limits that every card the bot sends stays within.</summary>
public static class CardLimits
{
    /// <summary>
    /// The most UTF-8 bytes of one card's JSON. Teams rejects bot messages over about 28 KB, card
    /// included; this lower bound leaves room for the activity envelope.
    /// </summary>
    public const int MaxCardBytes = 24 * 1024;
}
