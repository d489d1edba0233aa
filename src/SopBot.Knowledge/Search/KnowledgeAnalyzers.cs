using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using SopBot.Domain;

namespace SopBot.Knowledge.Search;

/// <summary>
/// The English and Spanish analysis chains used both to index entries and to analyze questions:
/// standard tokenizer, lower case, accent folding, stop words, then the Porter stemmer (English) or
/// the light Spanish stemmer. Thread-safe: Lucene analyzers keep per-thread token stream state.
/// </summary>
internal sealed class KnowledgeAnalyzers : IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Question words and filler that the Lucene stop lists lack. Removing them keeps a question's
    // phrasing from outweighing its topic ("what does the Secretariat do").
    private static readonly string[] ExtraEnglishStopWords =
    [
        "what", "whats", "which", "who", "whom", "whose", "where", "when", "why", "how", "does", "do", "did",
        "done", "many", "much", "can", "could", "should", "would", "may", "might", "must", "shall", "i", "me", "my", "we",
        "our", "us", "you", "your", "tell", "about", "please", "explain", "give", "show", "s", "has", "have",
        "had", "its", "get", "hi", "hello", "thanks", "thank", "any", "some", "there", "here", "from",
    ];

    private static readonly string[] ExtraSpanishStopWords =
    [
        "que", "cual", "cuales", "quien", "quienes", "como", "donde", "cuando", "cuanto", "cuanta", "cuantos",
        "cuantas", "hace", "hacen", "hacer", "es", "son", "ser", "esta", "estan", "debe", "deben", "debo",
        "puedo", "podemos", "puede", "pueden", "dime", "explica", "explicame", "favor", "hola", "gracias",
        "hay", "trata", "tiene", "tienen", "sobre", "cada",
    ];

    public KnowledgeAnalyzers()
    {
        English = new LanguageAnalyzer(Fold(EnglishAnalyzer.DefaultStopSet, ExtraEnglishStopWords), isSpanish: false);
        Spanish = new LanguageAnalyzer(Fold(SpanishAnalyzer.DefaultStopSet, ExtraSpanishStopWords), isSpanish: true);
        PerField = new PerFieldAnalyzerWrapper(
            English, new Dictionary<string, Analyzer>(IndexFields.SpanishFields.ToDictionary(field => field, _ => (Analyzer)Spanish)));
    }

    public Analyzer English { get; }

    public Analyzer Spanish { get; }

    /// <summary>Routes each index field to the analyzer of its language.</summary>
    public Analyzer PerField { get; }

    public Analyzer For(Language language) => language == Language.Spanish ? Spanish : English;

    /// <summary>Returns the analyzed terms of the text in token order, duplicates included.</summary>
    public IReadOnlyList<string> Analyze(Language language, string text)
    {
        var terms = new List<string>();
        using var stream = For(language).GetTokenStream("analysis", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    public void Dispose()
    {
        PerField.Dispose();
        English.Dispose();
        Spanish.Dispose();
    }

    // The stop filter runs after accent folding, so the stop words must be folded too ("qué" to "que").
    private static CharArraySet Fold(CharArraySet defaults, IEnumerable<string> extra)
    {
        var defaultWords = new string[defaults.Count];
        defaults.CopyTo(defaultWords);
        var words = defaultWords.Select(TextFolding.Fold).Concat(extra).ToList();
        return new CharArraySet(Version, words, ignoreCase: true);
    }

    private sealed class LanguageAnalyzer(CharArraySet stopWords, bool isSpanish) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            if (!isSpanish)
            {
                stream = new EnglishPossessiveFilter(Version, stream);
            }

            stream = new StopFilter(Version, stream, stopWords);
            stream = isSpanish ? new SpanishLightStemFilter(stream) : new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
