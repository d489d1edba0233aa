using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Knowledge;
using SopBot.Knowledge.Content;

namespace SopBot.Bot.Knowledge;

/// <summary>Renders knowledge answers, the "no answer" card and the talking points.</summary>
public sealed class KnowledgeCards(CardRenderer renderer, KnowledgeBase knowledge, Localizer strings)
{
    /// <summary>The question is carried in the vote buttons' data; longer text is cut to keep the card small.</summary>
    public const int MaxQuestionInCard = 500;

    public string Answer(KnowledgeAnswer answer, string question, Language language) =>
        answer.Entry is null
            ? NoAnswer(answer, language)
            : Entry(answer.Entry, answer.RelatedQuestions, question, Guid.NewGuid().ToString("N"), thanks: null, language);

    /// <summary>The card of one entry; <paramref name="thanks"/> replaces the vote buttons once a vote is stored.</summary>
    public string Entry(
        KnowledgeEntry entry, IReadOnlyList<SuggestedQuestion> related, string question, string answerId, string? thanks, Language language)
    {
        var data = new AnswerCardData(
            entry.Title.Get(language),
            Paragraphs(entry.ReplyText(language)),
            strings.Format(language, "knowledge.source", ("source", entry.Source)),
            strings.Get(language, "knowledge.related"),
            related.Select(suggestion => new QuestionButton(suggestion.Question, new OpenEntryData(suggestion.EntryId))).ToList(),
            thanks is not null,
            thanks ?? string.Empty,
            strings.Get(language, "knowledge.feedbackPrompt"),
            strings.Get(language, "knowledge.helpful"),
            strings.Get(language, "knowledge.notHelpful"),
            new FeedbackData(entry.Id, answerId, question.Length <= MaxQuestionInCard ? question : question[..MaxQuestionInCard]));
        return renderer.Render("knowledge-answer", data);
    }

    /// <summary>Related questions for an entry opened from a button, where there is no search result to take them from.</summary>
    public IReadOnlyList<SuggestedQuestion> RelatedTo(KnowledgeEntry entry, Language language) =>
        entry.RelatedIds
            .Select(knowledge.FindEntry)
            .OfType<KnowledgeEntry>()
            .Select(related => new SuggestedQuestion(related.Id, related.Title.Get(language), related.Questions(language).FirstOrDefault() ?? related.Title.Get(language)))
            .Take(3)
            .ToList();

    public string NoAnswer(KnowledgeAnswer answer, Language language) =>
        renderer.Render("knowledge-no-answer", new NoAnswerCardData(
            strings.Get(language, "knowledge.noAnswerTitle"),
            strings.Get(language, answer.Status == AnswerStatus.NotUnderstood ? "knowledge.notUnderstoodText" : "knowledge.noAnswerText"),
            strings.Get(language, "knowledge.closestTopics"),
            answer.ClosestTopics.Select(topic => new QuestionButton(topic.Question, new OpenEntryData(topic.EntryId))).ToList(),
            strings.Get(language, "action.help")));

    public string TalkingPoints(Language language)
    {
        var points = knowledge.TalkingPoints(language);
        return renderer.Render("talking-points", new TalkingPointsCardData(
            points.Title, points.Introduction, points.Points.Select((text, index) => new NumberedPoint(index + 1, text)).ToList()));
    }

    /// <summary>Splits the text at every line break, because card renderers show a TextBlock's line breaks as spaces.</summary>
    private static List<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
