using Lucene.Net.Index;
using Lucene.Net.Search;
using SopBot.Domain;

namespace SopBot.Knowledge.Search;

/// <summary>
/// Builds the Lucene query for a question directly from analyzed terms, never through a query
/// parser, so user text such as <c>title:(a OR b)~</c> or <c>*</c> is only ever searched as words.
/// </summary>
internal sealed class KnowledgeQueryBuilder
{
    /// <summary>Maximum distinct terms per language, which keeps a huge question under Lucene's clause limit.</summary>
    public const int MaxTermsPerLanguage = 40;

    /// <summary>Maximum vocabulary terms searched in place of one misspelt term.</summary>
    public const int MaxFuzzyTermsPerTerm = 3;

    /// <summary>Maximum terms taken from one synonym phrase.</summary>
    public const int MaxExpansionTermsPerPhrase = 6;

    private const float SynonymBoost = 0.5f;
    private const float FuzzyBoost = 0.7f;

    // A term may match several fields. The best field counts fully and the others a little, so
    // that a word repeated in title, questions and answer does not dominate.
    private const float FieldTieBreaker = 0.2f;

    private static readonly Language[] Languages = [Language.English, Language.Spanish];

    private readonly KnowledgeAnalyzers _analyzers;
    private readonly KnowledgeIndex _index;
    private readonly SynonymExpander? _synonyms;
    private readonly bool _fuzzy;

    // The analyzed terms of each synonym group, and of each phrase in it, per language, computed once.
    private readonly Dictionary<Language, HashSet<string>[]> _groupTerms = [];
    private readonly Dictionary<Language, List<string>[][]> _phraseTerms = [];

    public KnowledgeQueryBuilder(KnowledgeAnalyzers analyzers, KnowledgeIndex index, SynonymExpander? synonyms, bool fuzzy)
    {
        _analyzers = analyzers;
        _index = index;
        _synonyms = synonyms;
        _fuzzy = fuzzy;
        foreach (var language in Languages)
        {
            _groupTerms[language] = (synonyms?.Groups ?? [])
                .Select(group => new HashSet<string>(_analyzers.Analyze(language, string.Join("\n", group)), StringComparer.Ordinal))
                .ToArray();
            _phraseTerms[language] = (synonyms?.Groups ?? [])
                .Select(group => group.Select(phrase => _analyzers.Analyze(language, phrase).Distinct(StringComparer.Ordinal).ToList()).ToArray())
                .ToArray();
        }
    }

    public QueryPlan Build(string questionText, string foldedText)
    {
        var matchedGroups = _synonyms?.FindGroups(TextFolding.Words(foldedText)) ?? [];
        var query = new BooleanQuery();
        var concepts = new Dictionary<Language, List<QueryConcept>>();
        foreach (var language in Languages)
        {
            concepts[language] = AddLanguageClauses(query, language, questionText, matchedGroups);
        }

        return new QueryPlan(query, concepts[Language.English], concepts[Language.Spanish]);
    }

    private List<QueryConcept> AddLanguageClauses(
        BooleanQuery query, Language language, string questionText, IReadOnlyList<int> matchedGroups)
    {
        var vocabulary = _index.Vocabulary(language);
        var terms = _analyzers.Analyze(language, questionText).Distinct(StringComparer.Ordinal).Take(MaxTermsPerLanguage).ToList();
        var groupTerms = matchedGroups.Select(group => _groupTerms[language][group]).ToList();
        var concepts = new List<QueryConcept>(terms.Count);
        foreach (var term in terms)
        {
            var alternatives = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in groupTerms.Where(group => group.Contains(term)))
            {
                alternatives.UnionWith(group);
            }

            var inVocabulary = vocabulary.Contains(term);
            concepts.Add(new QueryConcept(term, vocabulary.InverseDocumentFrequency(term), inVocabulary, alternatives));
            if (inVocabulary)
            {
                query.Add(FieldDisjunction(language, field => new TermQuery(new Term(field, term)), 1f), Occur.SHOULD);
            }
            else if (_fuzzy)
            {
                // A term no entry contains is probably a typo: search the closest vocabulary terms instead.
                foreach (var closeTerm in vocabulary.FindCloseTerms(term, MaxFuzzyTermsPerTerm))
                {
                    query.Add(FieldDisjunction(language, field => new TermQuery(new Term(field, closeTerm)), FuzzyBoost), Occur.SHOULD);
                }
            }
        }

        foreach (var group in matchedGroups)
        {
            var expansion = SynonymGroupQuery(language, group, terms);
            if (expansion is not null)
            {
                query.Add(expansion, Occur.SHOULD);
            }
        }

        return concepts;
    }

    /// <summary>
    /// Returns one clause for a matched synonym group: the best of its phrases, each phrase scoring
    /// the mean of its terms. A group therefore adds about one term's weight however long its
    /// phrases are, so that a frequent group such as "SOP" cannot outweigh the question's topic.
    /// Terms already in the question and terms no entry contains are left out.
    /// </summary>
    private Query? SynonymGroupQuery(Language language, int group, IReadOnlyList<string> questionTerms)
    {
        var vocabulary = _index.Vocabulary(language);
        var phrases = new DisjunctionMaxQuery(0f) { Boost = SynonymBoost };
        foreach (var phraseTerms in _phraseTerms[language][group])
        {
            var missing = phraseTerms.Where(term => vocabulary.Contains(term) && !questionTerms.Contains(term)).ToList();
            if (missing.Count == 0 || (missing.Count < phraseTerms.Count && phraseTerms.Any(questionTerms.Contains)))
            {
                // The question already contains this phrase, or part of it.
                continue;
            }

            var phraseQuery = new BooleanQuery();
            foreach (var term in missing.Take(MaxExpansionTermsPerPhrase))
            {
                phraseQuery.Add(FieldDisjunction(language, field => new TermQuery(new Term(field, term)), 1f / phraseTerms.Count), Occur.SHOULD);
            }

            phrases.Add(phraseQuery);
        }

        return phrases.Disjuncts.Count == 0 ? null : phrases;
    }

    private static DisjunctionMaxQuery FieldDisjunction(Language language, Func<string, Query> create, float boost)
    {
        var disjunction = new DisjunctionMaxQuery(FieldTieBreaker) { Boost = boost };
        foreach (var (field, fieldBoost) in IndexFields.Searched(language))
        {
            var fieldQuery = create(field);
            fieldQuery.Boost = fieldBoost;
            disjunction.Add(fieldQuery);
        }

        return disjunction;
    }
}
