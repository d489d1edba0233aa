using SopBot.Domain;

namespace SopBot.Knowledge.Search;

/// <summary>
/// How much of a question an entry explains: the share of the question's terms, weighted by
/// inverse document frequency, that the entry contains directly, through a synonym or through a
/// typo-tolerant match. It is taken in the language whose analysis explains most, because users
/// may type either language whatever their Teams locale. Unlike a BM25 score it lies in 0 to 1
/// for any question length, so one threshold works for short and long questions.
/// </summary>
internal static class MatchCoverage
{
    public static double Compute(QueryPlan plan, KnowledgeIndex index, int entryIndex, bool fuzzy)
    {
        var best = 0.0;
        foreach (var language in new[] { Language.English, Language.Spanish })
        {
            var concepts = plan.Concepts(language);
            if (concepts.Count == 0)
            {
                continue;
            }

            var entryTerms = index.Vocabulary(language).EntryTerms(entryIndex);
            var total = 0.0;
            var matched = 0.0;
            // NOTE: a misspelt short word ("wat" for "what") is not a stop word and is too short for
            // fuzzy matching, so it counts as an unmatched term and can push a good question below
            // the threshold.
            foreach (var concept in concepts)
            {
                total += concept.Weight;
                if (IsMatched(concept, entryTerms, fuzzy))
                {
                    matched += concept.Weight;
                }
            }

            best = Math.Max(best, total > 0 ? matched / total : 0);
        }

        return best;
    }

    private static bool IsMatched(QueryConcept concept, IReadOnlySet<string> entryTerms, bool fuzzy)
    {
        if (entryTerms.Contains(concept.Term) || concept.Alternatives.Any(entryTerms.Contains))
        {
            return true;
        }

        if (!fuzzy || concept.InVocabulary)
        {
            return false;
        }

        var maxEdits = TypoTolerance.MaxEdits(concept.Term);
        return maxEdits > 0 && entryTerms.Any(term => TypoTolerance.IsWithin(concept.Term, term, maxEdits));
    }
}
