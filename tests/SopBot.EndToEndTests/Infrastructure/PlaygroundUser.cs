namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>A user of the mock tenant in tools/playground/m365agentsplayground.yml, with their row in roster.sample.csv.</summary>
public sealed record PlaygroundUser(string Id, string Name, string AadObjectId, string? CountryIso3, string Role)
{
    /// <summary>The Playground's current user: the one who chats through the web page.</summary>
    public static readonly PlaygroundUser AnaSouza = new("29:ana-souza", "Ana Souza", "7410e076-5dc9-42d4-8c2a-359153fd3d3b", "BRA", "unctMember");

    public static readonly PlaygroundUser LuciaFernandez = new("29:lucia-fernandez", "Lucía Fernández", "efec2f71-0566-41b0-8967-1a3d766a941d", null, "secretariat");

    public static readonly PlaygroundUser MiguelTorres = new("29:miguel-torres", "Miguel Torres", "c80291d5-80c6-44c7-9ee4-2221f03cdd61", null, "regionalDirector");

    public static readonly PlaygroundUser PedroAlves = new("29:pedro-alves", "Pedro Alves", "5ff965f6-a982-402a-b4da-c06c0ead4a2e", "BRA", "unctMember");

    public static readonly PlaygroundUser ValentinaGomez = new("29:valentina-gomez", "Valentina Gómez", "92a30d16-6d3d-48d4-b9d3-ddc033b24cc0", "COL", "unctMember");

    public static readonly PlaygroundUser DiegoHerrera = new("29:diego-herrera", "Diego Herrera", "89d94aa3-65a8-4e6a-a88f-e4a313456c11", null, "administrator");

    public static IReadOnlyList<PlaygroundUser> All { get; } = [AnaSouza, LuciaFernandez, MiguelTorres, PedroAlves, ValentinaGomez, DiegoHerrera];
}
