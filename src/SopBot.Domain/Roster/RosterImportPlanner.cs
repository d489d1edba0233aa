namespace SopBot.Domain.Roster;

/// <summary>Compares parsed CSV rows with the roster and classifies each row for an import preview.</summary>
public static class RosterImportPlanner
{
    /// <summary>
    /// Returns one row per parsed row and per parse error, in line order. A row that would add
    /// or change a member is rejected when <see cref="Authorizer"/> denies that change to the
    /// actor, for example a Secretariat member granting the Secretariat role.
    /// </summary>
    /// <param name="current">The roster now, keyed by normalized id (GUIDs in lower case).</param>
    public static IReadOnlyList<RosterImportRow> Plan(IReadOnlyDictionary<string, RosterMember> current, RosterParseResult parsed, Principal actor)
    {
        var rows = new List<RosterImportRow>(parsed.Rows.Count + parsed.Errors.Count);
        foreach (var error in parsed.Errors)
        {
            rows.Add(new RosterImportRow(error.Line, RosterImportRowKind.Rejected, null, null, error.Problem, error.Reason));
        }

        foreach (var (line, parsedMember) in parsed.Rows)
        {
            var after = RosterRules.Normalize(parsedMember);
            var invalid = RosterRules.Validate(after, line);
            if (invalid is not null)
            {
                // RosterCsv never returns such a row, but a parse result can be built by hand.
                rows.Add(new RosterImportRow(line, RosterImportRowKind.Rejected, null, null, invalid.Problem, invalid.Reason));
                continue;
            }

            current.TryGetValue(after.AadObjectId, out var before);
            if (before == after)
            {
                rows.Add(new RosterImportRow(line, RosterImportRowKind.Unchanged, before, after));
                continue;
            }

            var action = before is null ? BotAction.AddMember : BotAction.ChangeMember;
            var decision = Authorizer.Decide(actor, action, AccessTarget.ForMemberChange(before, after));
            if (!decision.IsAllowed)
            {
                rows.Add(new RosterImportRow(line, RosterImportRowKind.Rejected, before, null, RosterProblem.NotAuthorized, DescribeDenial(decision, after)));
                continue;
            }

            rows.Add(new RosterImportRow(line, before is null ? RosterImportRowKind.Added : RosterImportRowKind.Changed, before, after));
        }

        rows.Sort((left, right) => left.Line.CompareTo(right.Line));
        return rows;
    }

    private static string DescribeDenial(AccessDecision decision, RosterMember member) => decision.Reason switch
    {
        AccessReason.AdministratorRequired =>
            $"Only an administrator can add or change {member.AadObjectId}, because the row or the stored entry has the secretariat or administrator role.",
        AccessReason.UnknownCountry => $"countryIso3 \"{member.CountryIso3}\" is not one of the countries.",
        _ => $"You may not add or change roster members ({decision.Reason}).",
    };
}
