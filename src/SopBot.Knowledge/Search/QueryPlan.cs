using Lucene.Net.Search;
using SopBot.Domain;

namespace SopBot.Knowledge.Search;

/// <summary>
/// One analyzed term of the question. <see cref="Weight"/> is its inverse document frequency, and
/// <see cref="Alternatives"/> are the terms of synonym phrases that stand for it.
/// </summary>
internal sealed record QueryConcept(string Term, double Weight, bool InVocabulary, IReadOnlySet<string> Alternatives);

/// <summary>The Lucene query for a question and its concepts in each language.</summary>
internal sealed record QueryPlan(Query Query, IReadOnlyList<QueryConcept> EnglishConcepts, IReadOnlyList<QueryConcept> SpanishConcepts)
{
    public bool HasConcepts => EnglishConcepts.Count > 0 || SpanishConcepts.Count > 0;

    public IReadOnlyList<QueryConcept> Concepts(Language language) =>
        language == Language.Spanish ? SpanishConcepts : EnglishConcepts;
}
