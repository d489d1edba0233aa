using System.Globalization;
using System.Text.Json.Nodes;
using SopBot.Domain.Sop;

namespace SopBot.Benchmarks;

/// <summary>
/// One virtual member's full check-in, clicking through the cards as a member in Teams would.
/// The member clicks Start, then Open on element 1 when the check-in resumes elsewhere, then Save
/// on each of the 15 element cards, sending the data of the card's Save action plus the inputs.
/// After a conflict the member saves again from the returned card, which carries the other
/// member's version.
/// </summary>
internal static class CheckInSession
{
    /// <summary>Conflicts in a row on one element after which the member abandons the check-in.</summary>
    public const int MaxConflictsPerElement = 5;

    private const string Start = "checkin.start";
    private const string Open = "checkin.open";
    private const string Save = "checkin.save";

    /// <summary>Runs one check-in and logs every request. Stops at the first error or unexpected card.</summary>
    public static async Task RunAsync(BotClient client, BenchmarkMember member, int round, PhaseLog log, CancellationToken cancellationToken)
    {
        var started = await client.ExecuteAsync(member, Start, new JsonObject(), cancellationToken);
        var card = Expect(
            log,
            Start,
            started,
            reply => reply.Kind == CardKind.Element ? reply.NoticeStyle is null : reply.Kind == CardKind.Summary && reply.OpenData(1) is not null,
            "an element card without a notice, or the summary card with an Open action for element 1");
        if (card is null)
        {
            return;
        }

        if (card.Kind != CardKind.Element || card.Element != 1)
        {
            var opened = await client.ExecuteAsync(member, Open, OpenFirstElementData(card), cancellationToken);
            card = Expect(log, Open, opened, reply => IsElementCard(reply, 1), "the element 1 card");
            if (card is null)
            {
                return;
            }
        }

        var element = 1;
        var conflictsInRow = 0;
        while (true)
        {
            var saved = await client.ExecuteAsync(member, Save, Answer(card, member, round, element), cancellationToken);
            if (saved.Card is { IsConflict: true } conflict && conflict.Element == element)
            {
                log.Add(new RequestSample(Save, saved.Milliseconds, Outcome.Conflict));
                conflictsInRow++;
                if (conflictsInRow > MaxConflictsPerElement)
                {
                    // The bot behaves as designed, but several members keep saving the same element
                    // first, so the check-in stops here to keep the run bounded.
                    log.AbandonCheckIn();
                    return;
                }

                card = conflict;
                continue;
            }

            var isLast = element == SopCatalog.ElementCount;
            card = isLast
                ? Expect(log, Save, saved, reply => reply.Kind == CardKind.Summary, $"the summary card after element {element}")
                : Expect(log, Save, saved, reply => IsElementCard(reply, element + 1), $"the element {element + 1} card or a conflict on element {element}");
            if (card is null || isLast)
            {
                return;
            }

            element++;
            conflictsInRow = 0;
        }
    }

    /// <summary>What Teams sends for Save on this card: the action's data merged with the input values.</summary>
    private static JsonObject Answer(CheckInCard card, BenchmarkMember member, int round, int element)
    {
        var data = card.SaveData!.DeepClone().AsObject();
        var status = ElementStatuses.All[(element + round) % ElementStatuses.All.Count];
        var tag = string.Create(CultureInfo.InvariantCulture, $"{member.AadObjectId}, round {round}, element {element}");
        data["status"] = status.Code();

        // Every status is accepted with a note, and Not applicable requires one.
        data["note"] = "Benchmark answer by " + tag;
        data["termsOfReference"] = "Terms of reference, " + tag;
        data["productOrLink"] = "https://example.org/benchmark/" + member.AadObjectId;
        data["contactRole"] = "RCO team leader";
        return data;
    }

    /// <summary>
    /// The data of an Open action for element 1: the summary's own, or, for a check-in that resumed
    /// at a later element card (which has no Open action), the same fields taken from its Save action.
    /// </summary>
    private static JsonObject OpenFirstElementData(CheckInCard card)
    {
        if (card.Kind == CardKind.Summary)
        {
            return card.OpenData(1)!.DeepClone().AsObject();
        }

        var save = card.SaveData!;
        return new JsonObject
        {
            ["element"] = 1,
            ["country"] = save["country"]?.DeepClone(),
            ["quarter"] = save["quarter"]?.DeepClone(),
            ["version"] = string.Empty,
        };
    }

    private static bool IsElementCard(CheckInCard card, int element) =>
        card.Kind == CardKind.Element && card.Element == element && card.NoticeStyle is null;

    /// <summary>Logs the request as a success and returns its card, or logs the error and returns null.</summary>
    private static CheckInCard? Expect(PhaseLog log, string verb, InvokeResult result, Func<CheckInCard, bool> isExpected, string expected)
    {
        if (result.Error is not null)
        {
            log.AddError(verb, result.Milliseconds, $"{verb}: {result.Error}");
            return null;
        }

        if (!isExpected(result.Card!))
        {
            log.AddError(verb, result.Milliseconds, $"{verb}: expected {expected}, got {result.Card!.Describe()}");
            return null;
        }

        log.Add(new RequestSample(verb, result.Milliseconds, Outcome.Success));
        return result.Card;
    }
}
