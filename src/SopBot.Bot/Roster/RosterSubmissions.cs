using System.Globalization;
using SopBot.Bot.Cards;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Roster;

/// <summary>A roster list request: the filter (null for all) and the page, 1 for the first.</summary>
public sealed record RosterListRequest(string? CountryIso3, Role? Role, string? ContinuationToken, int Page);

/// <summary>A member as entered in the add or change form, before the roster rules are applied.</summary>
public sealed record MemberForm(string AadObjectId, string DisplayName, string? CountryIso3, Role Roles);

/// <summary>A card action about one roster member.</summary>
public sealed record MemberReference(string AadObjectId);

/// <summary>A pasted roster CSV to preview.</summary>
public sealed record ImportPaste(string Csv);

/// <summary>A stored import preview and the page of its rows to show, 1 for the first.</summary>
public sealed record ImportPageRequest(string ImportId, int Page);

/// <summary>A part of a roster export, 1 for the first, and the roster version the card showed.</summary>
public sealed record ExportPartRequest(int Part, long Version);

/// <summary>
/// Reads the data that the roster cards send back into typed requests. Each verb accepts only
/// the fields that the cards carrying it send, which are their action data and their inputs.
/// Any other field, a field of the wrong JSON type or an over-long value rejects the whole
/// submission with a reason that names the field. Nothing here grants anything, because every
/// request is then decided by the Authorizer from the caller's own ids.
/// </summary>
public static class RosterSubmissions
{
    /// <summary>The longest display name the form passes on to the roster rules, so that they can report what is wrong with it.</summary>
    private const int MaxFormTextLength = 1_000;

    private const int MaxTokenLength = 1_100;

    private static readonly Dictionary<string, int> ListInputs = new(StringComparer.Ordinal)
    {
        ["filterCountry"] = 3,
        ["filterRole"] = 20,
    };

    private static readonly Dictionary<string, int> FormInputs = new(StringComparer.Ordinal)
    {
        ["displayName"] = MaxFormTextLength,
        ["aadObjectId"] = MaxFormTextLength,
        ["country"] = 3,
        ["roles"] = 100,
    };

    private static readonly Dictionary<string, int> PagingFields = new(StringComparer.Ordinal)
    {
        ["token"] = MaxTokenLength,
        ["page"] = 5,
    };

    /// <summary>roster.list: sent by the list (filter inputs and paging) and by the form's Back button (form inputs).</summary>
    public static IReadOnlyDictionary<string, int> ListFields { get; } = Merge(ListInputs, PagingFields, FormInputs);

    /// <summary>roster.add, roster.change and roster.removeConfirm: sent by the member form.</summary>
    public static IReadOnlyDictionary<string, int> FormFields { get; } = Merge(FormInputs);

    /// <summary>roster.edit: sent by a list row (with the filter inputs) and by the removal's Cancel button.</summary>
    public static IReadOnlyDictionary<string, int> EditFields { get; } = Merge(ListInputs, new Dictionary<string, int> { ["aadObjectId"] = MaxFormTextLength });

    /// <summary>roster.remove: sent by the removal confirmation.</summary>
    public static IReadOnlyDictionary<string, int> RemoveFields { get; } = new Dictionary<string, int>(StringComparer.Ordinal) { ["aadObjectId"] = MaxFormTextLength };

    /// <summary>roster.addForm, roster.import.form and roster.export: buttons of the list, which send its filter inputs.</summary>
    public static IReadOnlyDictionary<string, int> ListButtonFields { get; } = Merge(ListInputs);

    public static IReadOnlyDictionary<string, int> ImportPasteFields { get; } = new Dictionary<string, int>(StringComparer.Ordinal) { ["csv"] = RosterCsv.MaxBytes };

    public static IReadOnlyDictionary<string, int> ImportPageFields { get; } = new Dictionary<string, int>(StringComparer.Ordinal) { ["importId"] = 32, ["page"] = 5 };

    /// <summary>roster.export.page: the part buttons send the part and version, and the card's CSV box.</summary>
    public static IReadOnlyDictionary<string, int> ExportPageFields { get; } =
        new Dictionary<string, int>(StringComparer.Ordinal) { ["part"] = 5, ["version"] = 19, ["csv"] = RosterCsv.MaxBytes };

    public static bool TryParseList(object? data, out RosterListRequest? request, out string? problem)
    {
        request = null;
        if (!CardDataReader.TryRead(data, ListFields, out var values, out problem)
            || !TryCountry(values, "filterCountry", out var country, out problem)
            || !TryRole(values, out var role, out problem)
            || !TryNumber(values, "page", 1, 10_000, 1, out var page, out problem))
        {
            return false;
        }

        var token = values.GetValueOrDefault("token");
        request = new RosterListRequest(country, role, string.IsNullOrEmpty(token) ? null : token, (int)page);
        return true;
    }

    /// <summary>Reads the form; an empty id, name or role set is left for the roster rules to reject with a specific message.</summary>
    public static bool TryParseForm(object? data, out MemberForm? form, out string? problem)
    {
        form = null;
        if (!CardDataReader.TryRead(data, FormFields, out var values, out problem)
            || !TryCountry(values, "country", out var country, out problem)
            || !TryRoleList(values.GetValueOrDefault("roles"), out var roles, out problem))
        {
            return false;
        }

        form = new MemberForm(
            values.GetValueOrDefault("aadObjectId") ?? string.Empty,
            values.GetValueOrDefault("displayName") ?? string.Empty,
            country,
            roles);
        return true;
    }

    public static bool TryParseMember(object? data, IReadOnlyDictionary<string, int> fields, out MemberReference? member, out string? problem)
    {
        member = null;
        if (!CardDataReader.TryRead(data, fields, out var values, out problem))
        {
            return false;
        }

        var id = values.GetValueOrDefault("aadObjectId");
        if (string.IsNullOrWhiteSpace(id))
        {
            problem = "the field \"aadObjectId\" is missing";
            return false;
        }

        member = new MemberReference(id);
        return true;
    }

    /// <summary>Reads a button of the list that carries nothing of its own.</summary>
    public static bool TryParseListButton(object? data, out string? problem) =>
        CardDataReader.TryRead(data, ListButtonFields, out _, out problem);

    public static bool TryParseImportPaste(object? data, out ImportPaste? paste, out string? problem)
    {
        paste = null;
        if (!CardDataReader.TryRead(data, ImportPasteFields, out var values, out problem))
        {
            return false;
        }

        paste = new ImportPaste(values.GetValueOrDefault("csv") ?? string.Empty);
        return true;
    }

    /// <summary>Reads roster.import.page, .apply and .cancel; the page is 1 when the button sends none.</summary>
    public static bool TryParseImportPage(object? data, out ImportPageRequest? request, out string? problem)
    {
        request = null;
        if (!CardDataReader.TryRead(data, ImportPageFields, out var values, out problem)
            || !TryNumber(values, "page", 1, 10_000, 1, out var page, out problem))
        {
            return false;
        }

        var importId = values.GetValueOrDefault("importId");
        if (string.IsNullOrEmpty(importId) || importId.Length != 32 || !importId.All(char.IsAsciiHexDigitLower))
        {
            problem = "the field \"importId\" is not an import id";
            return false;
        }

        request = new ImportPageRequest(importId, (int)page);
        return true;
    }

    public static bool TryParseExportPart(object? data, out ExportPartRequest? request, out string? problem)
    {
        request = null;
        if (!CardDataReader.TryRead(data, ExportPageFields, out var values, out problem)
            || !TryNumber(values, "part", 1, 10_000, null, out var part, out problem)
            || !TryNumber(values, "version", 0, long.MaxValue, null, out var version, out problem))
        {
            return false;
        }

        request = new ExportPartRequest((int)part, version);
        return true;
    }

    private static bool TryCountry(Dictionary<string, string> values, string field, out string? countryIso3, out string? problem)
    {
        countryIso3 = null;
        problem = null;
        var text = values.GetValueOrDefault(field);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        countryIso3 = CountryCatalog.FindByIso3(text)?.Iso3;
        if (countryIso3 is null)
        {
            problem = $"the field \"{field}\" is not one of the country codes";
            return false;
        }

        return true;
    }

    private static bool TryRole(Dictionary<string, string> values, out Role? role, out string? problem)
    {
        role = null;
        problem = null;
        var text = values.GetValueOrDefault("filterRole");
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!Roles.TryParse(text, out var parsed))
        {
            problem = "the field \"filterRole\" is not a role";
            return false;
        }

        role = parsed;
        return true;
    }

    /// <summary>Reads the comma-separated values of a multi-select choice set, as Adaptive Cards send them.</summary>
    private static bool TryRoleList(string? text, out Role roles, out string? problem)
    {
        roles = Role.None;
        problem = null;
        foreach (var code in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Roles.TryParse(code, out var role))
            {
                problem = "the field \"roles\" has a value that is not a role";
                return false;
            }

            roles |= role;
        }

        return true;
    }

    private static bool TryNumber(
        Dictionary<string, string> values, string field, long min, long max, long? defaultValue, out long number, out string? problem)
    {
        problem = null;
        var text = values.GetValueOrDefault(field);
        if (text is null && defaultValue is not null)
        {
            number = defaultValue.Value;
            return true;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < min || number > max)
        {
            problem = $"the field \"{field}\" is missing or not a number from {min} to {max}";
            return false;
        }

        return true;
    }

    private static Dictionary<string, int> Merge(params IReadOnlyDictionary<string, int>[] sets)
    {
        var merged = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            foreach (var (name, maxLength) in set)
            {
                merged[name] = Math.Max(maxLength, merged.GetValueOrDefault(name));
            }
        }

        return merged;
    }
}
