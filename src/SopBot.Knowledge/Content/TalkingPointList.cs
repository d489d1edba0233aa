namespace SopBot.Knowledge.Content;

/// <summary>The standard talking points for Regional Directors in one language, in display order.</summary>
public sealed record TalkingPointList(string Title, string Introduction, IReadOnlyList<string> Points);
