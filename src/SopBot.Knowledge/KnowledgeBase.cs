using SopBot.Domain;
using SopBot.Knowledge.Content;
using SopBot.Knowledge.Search;

namespace SopBot.Knowledge;

/// <summary>
/// The SOP knowledge base: validated bilingual entries, a Lucene BM25 index over them and the
/// talking points. Load it once at start; after that <see cref="Answer"/> is safe to call from
/// many threads at once, because the index and all lookups are read-only.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    /// <summary>Number of search candidates scored, which is more than shown so that routing by number can merge in.</summary>
    private const int SearchDepth = 5;

    /// <summary>Maximum number of related questions, closest topics and candidates in an answer.</summary>
    private const int MaxSuggestions = 3;

    private readonly KnowledgeAnalyzers _analyzers;
    private readonly KnowledgeIndex _index;
    private readonly KnowledgeQueryBuilder _queryBuilder;
    private readonly KnowledgeContent _content;
    private readonly Dictionary<string, KnowledgeEntry> _entriesById;
    private readonly Dictionary<int, KnowledgeEntry> _entriesByElement;
    private readonly Dictionary<int, KnowledgeEntry> _entriesByPillar;

    private KnowledgeBase(KnowledgeContent content, KnowledgeBaseOptions options)
    {
        _content = content;
        Options = options;
        _analyzers = new KnowledgeAnalyzers();
        _index = new KnowledgeIndex(content.Entries, _analyzers);
        var synonyms = options.ExpandSynonyms ? new SynonymExpander(content.SynonymGroups) : null;
        _queryBuilder = new KnowledgeQueryBuilder(_analyzers, _index, synonyms, options.FuzzyMatching);
        _entriesById = content.Entries.ToDictionary(entry => entry.Id, StringComparer.Ordinal);
        _entriesByElement = content.Entries.Where(entry => entry.ElementNumber is not null).ToDictionary(entry => entry.ElementNumber!.Value);
        _entriesByPillar = content.Entries.Where(entry => entry.PillarNumber is not null).ToDictionary(entry => entry.PillarNumber!.Value);
    }

    public KnowledgeBaseOptions Options { get; }

    public IReadOnlyList<KnowledgeEntry> Entries => _content.Entries;

    /// <summary>
    /// Loads and validates the content under <paramref name="contentDirectory"/> (the folder that
    /// contains <c>knowledge/</c> and <c>talking-points/</c>) and builds the search index.
    /// </summary>
    /// <exception cref="KnowledgeContentException">A content file is invalid; the message names each file and entry.</exception>
    /// <exception cref="DirectoryNotFoundException">The content directory does not exist.</exception>
    public static KnowledgeBase Load(string contentDirectory, KnowledgeBaseOptions? options = null)
    {
        var content = KnowledgeContentLoader.Load(contentDirectory);
        return new KnowledgeBase(content, options ?? new KnowledgeBaseOptions());
    }

    public KnowledgeEntry? FindEntry(string id) => _entriesById.GetValueOrDefault(id);

    public TalkingPointList TalkingPoints(Language language) =>
        language == Language.Spanish ? _content.TalkingPointsSpanish : _content.TalkingPointsEnglish;

    /// <summary>
    /// Searches the knowledge base for a user's message and returns the best entry, or the reason
    /// there is none with the closest topics. Teams mention markup and HTML are removed, long input
    /// is truncated and Lucene query syntax is searched as plain words. The reply text and
    /// suggestions are in <paramref name="language"/>, whichever language the question is in.
    /// </summary>
    public KnowledgeAnswer Answer(string? question, Language language)
    {
        var text = QuestionText.Prepare(question, Options.MaxQuestionLength);
        if (!QuestionText.HasWordCharacters(text))
        {
            return NotUnderstood(language);
        }

        var folded = TextFolding.Fold(text);
        var plan = _queryBuilder.Build(text, folded);
        var referenced = FindReferencedEntry(folded, out var referenceKind);
        if (!plan.HasConcepts && referenced is null)
        {
            return NotUnderstood(language);
        }

        var candidates = RankCandidates(plan);
        if (referenced is not null)
        {
            return Answered(language, referenced, referenceKind, candidates, coverage: 1.0);
        }

        var best = candidates.FirstOrDefault();
        if (best is not null && best.Coverage >= Options.MinimumCoverage && best.Score >= Options.MinimumScore)
        {
            return Answered(language, best.Entry, MatchKind.Search, candidates, best.Coverage);
        }

        return NoAnswer(language, candidates);
    }

    public void Dispose()
    {
        _index.Dispose();
        _analyzers.Dispose();
    }

    private List<RankedEntry> RankCandidates(QueryPlan plan)
    {
        if (!plan.HasConcepts)
        {
            return [];
        }

        var ranked = _index.Search(plan.Query, SearchDepth)
            .Select(hit => new RankedEntry(
                _content.Entries[hit.EntryIndex],
                hit.Score,
                MatchCoverage.Compute(plan, _index, hit.EntryIndex, Options.FuzzyMatching)))
            .ToList();
        // BM25 favours entries that repeat a few question words; coverage favours entries that
        // explain every part of the question. The product ranks by both.
        return ranked.OrderByDescending(candidate => candidate.Score * (0.5 + candidate.Coverage)).ToList();
    }

    private KnowledgeEntry? FindReferencedEntry(string folded, out MatchKind kind)
    {
        if (TopicReference.FindElementNumber(folded) is int element && _entriesByElement.TryGetValue(element, out var elementEntry))
        {
            kind = MatchKind.ElementReference;
            return elementEntry;
        }

        if (TopicReference.FindPillarNumber(folded) is int pillar && _entriesByPillar.TryGetValue(pillar, out var pillarEntry))
        {
            kind = MatchKind.PillarReference;
            return pillarEntry;
        }

        kind = MatchKind.None;
        return null;
    }

    private KnowledgeAnswer Answered(
        Language language, KnowledgeEntry entry, MatchKind kind, List<RankedEntry> candidates, double coverage)
    {
        var searchHit = candidates.FirstOrDefault(candidate => candidate.Entry == entry);
        var ranked = new List<RankedEntry> { searchHit ?? new RankedEntry(entry, 0, coverage) };
        ranked.AddRange(candidates.Where(candidate => candidate.Entry != entry));
        return new KnowledgeAnswer
        {
            Status = AnswerStatus.Answered,
            Language = language,
            Entry = entry,
            Score = searchHit?.Score ?? candidates.FirstOrDefault()?.Score ?? 0,
            Coverage = coverage,
            MatchKind = kind,
            RelatedQuestions = entry.RelatedIds
                .Select(id => _entriesById[id])
                .Take(MaxSuggestions)
                .Select(related => Suggest(related, language))
                .ToList(),
            Candidates = ranked.Take(MaxSuggestions).ToList(),
        };
    }

    private KnowledgeAnswer NoAnswer(Language language, List<RankedEntry> candidates)
    {
        var closest = candidates.Count > 0 ? candidates.Select(candidate => candidate.Entry) : StarterEntries();
        return new KnowledgeAnswer
        {
            Status = AnswerStatus.NoAnswer,
            Language = language,
            Score = candidates.FirstOrDefault()?.Score ?? 0,
            Coverage = candidates.FirstOrDefault()?.Coverage ?? 0,
            MatchKind = MatchKind.None,
            ClosestTopics = closest.Take(MaxSuggestions).Select(entry => Suggest(entry, language)).ToList(),
            Candidates = candidates.Take(MaxSuggestions).ToList(),
        };
    }

    private KnowledgeAnswer NotUnderstood(Language language) => new()
    {
        Status = AnswerStatus.NotUnderstood,
        Language = language,
        MatchKind = MatchKind.None,
        ClosestTopics = StarterEntries().Take(MaxSuggestions).Select(entry => Suggest(entry, language)).ToList(),
    };

    private IEnumerable<KnowledgeEntry> StarterEntries() => _content.Entries.Where(entry => entry.IsStarter);

    private static SuggestedQuestion Suggest(KnowledgeEntry entry, Language language) =>
        new(entry.Id, entry.Title.Get(language), entry.Questions(language)[0]);
}
