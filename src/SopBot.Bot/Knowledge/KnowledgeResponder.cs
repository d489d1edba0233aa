using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Knowledge;
using SopBot.Domain.Roster;
using SopBot.Knowledge;

namespace SopBot.Bot.Knowledge;

/// <summary>Answers questions from the knowledge base and handles the answer card's buttons.</summary>
public sealed class KnowledgeResponder(
    KnowledgeBase knowledge,
    KnowledgeCards cards,
    CommonCards common,
    IFeedbackStore feedback,
    Localizer strings,
    TimeProvider clock,
    ILogger<KnowledgeResponder> logger)
{
    public static IReadOnlySet<string> Verbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "knowledge.open", "knowledge.helpful", "knowledge.notHelpful",
    };

    private static readonly Dictionary<string, int> OpenFields = new() { ["entryId"] = 100 };

    private static readonly Dictionary<string, int> FeedbackFields = new()
    {
        ["entryId"] = 100,
        ["answerId"] = 32,
        ["question"] = KnowledgeCards.MaxQuestionInCard,
    };

    public string Answer(string question, Language language)
    {
        var answer = knowledge.Answer(question, language);
        logger.KnowledgeAnswered(answer.Status.ToString(), answer.Entry?.Id, answer.Coverage);
        return cards.Answer(answer, question, language);
    }

    /// <summary>
    /// Handles a button of an answer card and returns the card that replaces it. Opening an entry
    /// and voting are asking a question, as far as the <see cref="Authorizer"/> is concerned.
    /// </summary>
    public async Task<string> HandleAsync(string verb, object? data, Principal principal, Language language, CancellationToken cancellationToken)
    {
        var fields = verb == "knowledge.open" ? OpenFields : FeedbackFields;
        if (!CardDataReader.TryRead(data, fields, out var values, out var problem) || !values.TryGetValue("entryId", out var entryId))
        {
            problem ??= "the field \"entryId\" is missing";
            logger.CardActionRejected(verb, null, principal.AadObjectId, problem);
            return InvalidData(language, problem);
        }

        var entry = knowledge.FindEntry(entryId);
        if (entry is null)
        {
            logger.CardActionRejected(verb, null, principal.AadObjectId, "unknown knowledge entry");
            return common.Message(language, strings.Get(language, "knowledge.noAnswerTitle"), strings.Get(language, "knowledge.unknownEntry"), true, false);
        }

        var related = cards.RelatedTo(entry, language);
        if (verb == "knowledge.open")
        {
            return cards.Entry(entry, related, entry.Title.Get(language), Guid.NewGuid().ToString("N"), thanks: null, language);
        }

        var answerId = values.GetValueOrDefault("answerId") ?? string.Empty;
        var question = values.GetValueOrDefault("question") ?? string.Empty;
        var canVote = Authorizer.Decide(principal, BotAction.AskQuestion).IsAllowed;
        if (!canVote || !Guid.TryParseExact(answerId, "N", out _) || AnswerRules.HasForbiddenCharacters(question))
        {
            problem = !canVote ? "the sender has no Teams identity" : "the answer id or question is invalid";
            logger.CardActionRejected(verb, null, principal.AadObjectId, problem);
            return InvalidData(language, problem);
        }

        var helpful = verb == "knowledge.helpful";
        await feedback.SaveAsync(
            new FeedbackVote(entry.Id, answerId, helpful, question, language, principal.AadObjectId, clock.GetUtcNow()), cancellationToken);
        logger.FeedbackStored(entry.Id, helpful, principal.AadObjectId);
        var thanks = strings.Get(language, helpful ? "knowledge.thanksHelpful" : "knowledge.thanksNotHelpful");
        return cards.Entry(entry, related, question, answerId, thanks, language);
    }

    public string TalkingPoints(Language language) => cards.TalkingPoints(language);

    private string InvalidData(Language language, string problem) =>
        common.Message(language, strings.Get(language, "request.title"), strings.Format(language, "card.invalidData", ("detail", problem)), true, false);
}
