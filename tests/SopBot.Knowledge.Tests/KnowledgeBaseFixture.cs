namespace SopBot.Knowledge.Tests;

/// <summary>The knowledge base loaded once from the content copied into the test output.</summary>
public sealed class KnowledgeBaseFixture : IDisposable
{
    public static readonly string ContentDirectory = Path.Combine(AppContext.BaseDirectory, "content");

    public static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "data");

    public KnowledgeBase KnowledgeBase { get; } = KnowledgeBase.Load(ContentDirectory);

    public void Dispose() => KnowledgeBase.Dispose();
}

[CollectionDefinition(Name)]
public sealed class KnowledgeBaseCollection : ICollectionFixture<KnowledgeBaseFixture>
{
    public const string Name = "Knowledge base";
}
