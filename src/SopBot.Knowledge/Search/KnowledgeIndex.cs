using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SopBot.Domain;
using SopBot.Knowledge.Content;

namespace SopBot.Knowledge.Search;

/// <summary>
/// The in-memory Lucene index of the entries, searched with BM25, plus the analyzed vocabulary of
/// each language, which the query builder uses for typo tolerance and the confidence estimate.
/// Read-only after construction, so concurrent searches are safe.
/// </summary>
internal sealed class KnowledgeIndex : IDisposable
{
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly int[] _entryIndexByDocId;

    public KnowledgeIndex(IReadOnlyList<KnowledgeEntry> entries, KnowledgeAnalyzers analyzers)
    {
        Entries = entries;
        English = new LanguageVocabulary(entries.Count);
        Spanish = new LanguageVocabulary(entries.Count);
        _directory = new RAMDirectory();
        var similarity = new BM25Similarity();
        var config = new IndexWriterConfig(KnowledgeAnalyzers.Version, analyzers.PerField) { Similarity = similarity };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var entryIndex = 0; entryIndex < entries.Count; entryIndex++)
            {
                writer.AddDocument(CreateDocument(entries[entryIndex], entryIndex));
                English.AddEntry(entryIndex, analyzers.Analyze(Language.English, SearchableText(entries[entryIndex], Language.English)));
                Spanish.AddEntry(entryIndex, analyzers.Analyze(Language.Spanish, SearchableText(entries[entryIndex], Language.Spanish)));
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };
        _entryIndexByDocId = MapDocumentsToEntries(_reader);
    }

    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    public LanguageVocabulary English { get; }

    public LanguageVocabulary Spanish { get; }

    public LanguageVocabulary Vocabulary(Language language) => language == Language.Spanish ? Spanish : English;

    /// <summary>Returns up to <paramref name="count"/> entry indexes with their BM25 scores, best first.</summary>
    public IReadOnlyList<(int EntryIndex, float Score)> Search(Query query, int count)
    {
        var topDocs = _searcher.Search(query, count);
        var hits = new List<(int, float)>(topDocs.ScoreDocs.Length);
        foreach (var scoreDoc in topDocs.ScoreDocs)
        {
            hits.Add((_entryIndexByDocId[scoreDoc.Doc], scoreDoc.Score));
        }

        return hits;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static Document CreateDocument(KnowledgeEntry entry, int entryIndex)
    {
        var document = new Document
        {
            new StoredField(IndexFields.Id, entryIndex),
        };
        foreach (var language in new[] { Language.English, Language.Spanish })
        {
            var suffix = language == Language.Spanish ? "_es" : "_en";
            document.Add(new TextField("title" + suffix, entry.Title.Get(language), Field.Store.NO));
            document.Add(new TextField("questions" + suffix, string.Join("\n", entry.Questions(language)), Field.Store.NO));
            document.Add(new TextField("keywords" + suffix, string.Join("\n", entry.Keywords), Field.Store.NO));
            document.Add(new TextField("answer" + suffix, entry.ReplyText(language), Field.Store.NO));
        }

        return document;
    }

    private static string SearchableText(KnowledgeEntry entry, Language language) =>
        string.Join(
            "\n",
            [entry.Title.Get(language), .. entry.Questions(language), .. entry.Keywords, entry.ReplyText(language)]);

    private static int[] MapDocumentsToEntries(DirectoryReader reader)
    {
        var map = new int[reader.MaxDoc];
        for (var docId = 0; docId < reader.MaxDoc; docId++)
        {
            map[docId] = reader.Document(docId).GetField(IndexFields.Id).GetInt32Value()!.Value;
        }

        return map;
    }
}
