using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SopBot.Domain.Roster;
using SopBot.IntegrationTests.Support;
using SopBot.Storage;

namespace SopBot.IntegrationTests;

/// <summary>Roster management in chat over HTTP against Azurite: listing, edits with audit, imports and export.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RosterBotTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Header = "aadObjectId,displayName,countryIso3,role\n";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private ConnectorRecorder _connector = null!;
    private FileServer _files = null!;
    private BotHost _bot = null!;
    private ActivityBuilder _secretariat = null!;
    private ActivityBuilder _ana = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorRecorder.StartAsync();
        _files = await FileServer.StartAsync();
        _bot = new BotHost(azurite.ConnectionString, _prefix, _clock, new Dictionary<string, string?>
        {
            ["Authorization:AllowedTenantIds:0"] = ActivityBuilder.DefaultTenant,
            ["Authorization:BootstrapAdministratorIds:0"] = "aad-boss",
        });
        _secretariat = new ActivityBuilder(_connector.ServiceUrl, "aad-secretariat", "Regional Secretariat");
        _ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza");
        _bot.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _files.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Roster_PagesThroughEveryMember()
    {
        await Store().UpsertAsync(Enumerable.Range(1, 45).Select(i => new RosterMember($"aad-bra-{i:D2}", $"Member {i}", "BRA", Role.UnctMember)).ToList(), default);

        var first = await _bot.SendAsync(_connector, _secretariat, "roster");
        var second = await _bot.ExecuteAsync(_secretariat, "roster.list", NextData(first));
        var third = await _bot.ExecuteAsync(_secretariat, "roster.list", NextData(second));
        var fourth = await _bot.ExecuteAsync(_secretariat, "roster.list", NextData(third));

        Assert.Equal([15, 15, 15, 5], new[] { first, second, third, fourth }.Select(card => EditIds(card).Count));
        Assert.Null(NextDataOrNull(fourth));
        Assert.Equal(50, new[] { first, second, third, fourth }.SelectMany(EditIds).Distinct().Count());
        Assert.Contains("Page 4: members 46 to 50", fourth.AllText());
        Assert.NotNull(fourth.ActionData("roster.list"));
    }

    [Fact]
    public async Task Roster_FiltersByCountryAndRole()
    {
        var argentina = await _bot.ExecuteAsync(_secretariat, "roster.list", new { filterCountry = "ARG", filterRole = "", token = "", page = 1 });
        var directors = await _bot.ExecuteAsync(_secretariat, "roster.list", new { filterCountry = "", filterRole = "regionalDirector", token = "", page = 1 });
        var typed = await _bot.SendAsync(_connector, _secretariat, "roster Brasil");

        Assert.Equal(["aad-carla"], EditIds(argentina));
        Assert.Equal(["aad-director"], EditIds(directors));
        Assert.Equal(["aad-ana", "aad-luis"], EditIds(typed));
        Assert.Contains("Roster: Brazil", typed.AllText());
    }

    [Fact]
    public async Task Roster_ForUnctMember_IsOwnCountryOnly()
    {
        var own = await _bot.SendAsync(_connector, _ana, "roster");
        var other = await _bot.ExecuteAsync(_ana, "roster.list", new { filterCountry = "ARG", filterRole = "", token = "", page = 1 });

        Assert.Contains("Roster: Brazil", own.AllText());
        Assert.Contains("Luis Pérez", own.AllText());
        Assert.DoesNotContain("Carla", own.AllText());
        Assert.Empty(EditIds(own));
        Assert.Null(own.ActionData("roster.addForm"));
        Assert.Contains("for your own country only", other.AllText());
        Assert.DoesNotContain("Carla", other.AllText());
    }

    [Fact]
    public async Task AddChangeRemove_AreStoredAndAudited()
    {
        var form = await _bot.SendAsync(_connector, _secretariat, "add member");
        var added = await _bot.ExecuteAsync(_secretariat, "roster.add", new { displayName = "Rita Lima", aadObjectId = "aad-rita", country = "BRA", roles = "unctMember" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        var edit = await _bot.ExecuteAsync(_secretariat, "roster.edit", new { aadObjectId = "aad-rita" });
        var changed = await _bot.ExecuteAsync(_secretariat, "roster.change", new { aadObjectId = "aad-rita", displayName = "Rita Lima Costa", country = "ARG", roles = "unctMember,regionalDirector" });
        var confirm = await _bot.ExecuteAsync(_secretariat, "roster.removeConfirm", new { aadObjectId = "aad-rita" });
        var afterChange = await Store().FindAsync("aad-rita", default);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var removed = await _bot.ExecuteAsync(_secretariat, "roster.remove", new { aadObjectId = "aad-rita" });

        Assert.Contains("Add a person to the roster", form.AllText());
        Assert.Contains("Added Rita Lima to the roster.", added.AllText());
        Assert.Equal("Rita Lima", edit.InputValue("displayName"));
        Assert.Contains("Saved the changes to Rita Lima Costa.", changed.AllText());
        Assert.Equal(new RosterMember("aad-rita", "Rita Lima Costa", "ARG", Role.UnctMember | Role.RegionalDirector), afterChange);
        Assert.Contains("Rita Lima Costa (Argentina", confirm.AllText());
        Assert.Contains("Removed Rita Lima Costa from the roster.", removed.AllText());
        Assert.Null(await Store().FindAsync("aad-rita", default));

        var audit = (await Store().ListAuditAsync(10, null, default)).Entries.Where(entry => entry.MemberId == "aad-rita").ToList();
        Assert.Equal([RosterAuditAction.Removed, RosterAuditAction.Changed, RosterAuditAction.Added], audit.Select(entry => entry.Action));
        Assert.All(audit, entry => Assert.Equal("aad-secretariat", entry.ActorId));
        Assert.All(audit, entry => Assert.Equal("Regional Secretariat", entry.ActorName));
        Assert.Equal("BRA", audit[1].Before?.CountryIso3);
        Assert.Equal("ARG", audit[1].After?.CountryIso3);
        Assert.Null(audit[0].After);
        Assert.Null(audit[2].Before);
    }

    [Fact]
    public async Task Add_WithoutRole_ShowsFormAgain()
    {
        var card = await _bot.ExecuteAsync(_secretariat, "roster.add", new { displayName = "Rita Lima", aadObjectId = "aad-rita", country = "BRA", roles = "" });

        Assert.Contains("Choose at least one role.", card.AllText());
        Assert.Equal("Rita Lima", card.InputValue("displayName"));
        Assert.Null(await Store().FindAsync("aad-rita", default));
    }

    [Fact]
    public async Task ForgedRoleChange_ByUnctMember_IsRejected()
    {
        var versionBefore = (await Store().GetSnapshotAsync(default)).Version;

        var forged = await _bot.ExecuteAsync(_ana, "roster.change", new { aadObjectId = "aad-luis", displayName = "Luis Pérez", country = "BRA", roles = "secretariat" });
        var selfPromotion = await _bot.ExecuteAsync(_ana, "roster.change", new { aadObjectId = "aad-ana", displayName = "Ana Souza", country = "BRA", roles = "administrator" });
        var claimedRole = await _bot.ExecuteAsync(_ana, "roster.change", new { aadObjectId = "aad-ana", displayName = "Ana", country = "BRA", roles = "unctMember", role = "administrator" });
        var removal = await _bot.ExecuteAsync(_ana, "roster.remove", new { aadObjectId = "aad-luis" });

        Assert.Contains("Only the UNDG LAC Secretariat and SopBot administrators can add people to the roster", forged.AllText());
        Assert.Contains("Your roles on the roster: UNCT member", forged.AllText());
        Assert.DoesNotContain("Luis Pérez", forged.AllText());
        Assert.Contains("Only the UNDG LAC Secretariat", selfPromotion.AllText());
        Assert.Contains("\"role\" is not one this action accepts", claimedRole.AllText());
        Assert.Contains("Only the UNDG LAC Secretariat", removal.AllText());
        Assert.Equal(new RosterMember("aad-luis", "Luis Pérez", "BRA", Role.UnctMember), await Store().FindAsync("aad-luis", default));
        Assert.Equal(new RosterMember("aad-ana", "Ana Souza", "BRA", Role.UnctMember), await Store().FindAsync("aad-ana", default));
        Assert.Equal(versionBefore, (await Store().GetSnapshotAsync(default)).Version);
    }

    [Fact]
    public async Task SecretariatGrantingAdministrator_IsRejected()
    {
        var card = await _bot.ExecuteAsync(_secretariat, "roster.change", new { aadObjectId = "aad-luis", displayName = "Luis Pérez", country = "BRA", roles = "unctMember,administrator" });

        Assert.Contains("Only a SopBot administrator can grant or remove the Secretariat or administrator role", card.AllText());
        Assert.Equal(Role.UnctMember, (await Store().FindAsync("aad-luis", default))?.Roles);
    }

    [Fact]
    public async Task BootstrapAdministrator_CanGrantSecretariat()
    {
        var boss = new ActivityBuilder(_connector.ServiceUrl, "aad-boss", "Bootstrap Admin");

        var card = await _bot.ExecuteAsync(boss, "roster.change", new { aadObjectId = "aad-luis", displayName = "Luis Pérez", country = "BRA", roles = "unctMember,secretariat" });

        Assert.Contains("Saved the changes to Luis Pérez.", card.AllText());
        Assert.Equal(Role.UnctMember | Role.Secretariat, (await Store().FindAsync("aad-luis", default))?.Roles);
    }

    [Fact]
    public async Task Import_PreviewThenConfirm_AppliesAll()
    {
        var csv = Header + "aad-rita,Rita Lima,BRA,unctMember\naad-joao,João Silva,Brasil,unctMember\naad-luis,Luis Pérez,ARG,unctMember\naad-ana,Ana Souza,BRA,unctMember\n";

        var form = await _bot.SendAsync(_connector, _secretariat, "import roster");
        var preview = await _bot.ExecuteAsync(_secretariat, "roster.import.preview", new { csv });
        var rosterBeforeConfirm = await Store().FindAsync("aad-rita", default);
        var applied = await _bot.ExecuteAsync(_secretariat, "roster.import.apply", preview.ActionData("roster.import.apply"));

        Assert.Contains("Paste the CSV below", form.AllText());
        Assert.Contains("Every row is valid", preview.AllText());
        Assert.Equal(["To add", "2", "To change", "1", "Unchanged", "1", "Rejected", "0"], Facts(preview));
        Assert.Contains("line 4: Luis Pérez · Argentina · UNCT member · aad-luis (was: Luis Pérez · Brazil", preview.AllText());
        Assert.Null(rosterBeforeConfirm);
        Assert.Contains("Import applied: 2 added and 1 changed.", applied.AllText());
        Assert.Equal("BRA", (await Store().FindAsync("aad-joao", default))?.CountryIso3);
        Assert.Equal("ARG", (await Store().FindAsync("aad-luis", default))?.CountryIso3);
        var importId = (string?)preview.ActionData("roster.import.apply")?["importId"];
        var audit = (await Store().ListAuditAsync(10, null, default)).Entries.Where(entry => entry.ImportId == importId).ToList();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, entry => Assert.Equal("aad-secretariat", entry.ActorId));

        var again = await _bot.ExecuteAsync(_secretariat, "roster.import.apply", preview.ActionData("roster.import.apply"));
        Assert.Contains("This import was applied already", again.AllText());
    }

    [Fact]
    public async Task Import_OneBadRow_RejectsWholeImport()
    {
        var csv = Header + "aad-rita,Rita Lima,BRA,unctMember\naad-joao,João Silva,Atlantis,unctMember\naad-luis,Luis Pérez,ARG,unctMember\n";
        var versionBefore = (await Store().GetSnapshotAsync(default)).Version;

        var preview = await _bot.ExecuteAsync(_secretariat, "roster.import.preview", new { csv });
        var importId = (string?)preview.ActionData("roster.import.cancel")?["importId"];
        var forcedApply = await _bot.ExecuteAsync(_secretariat, "roster.import.apply", new { importId, page = 1 });

        Assert.Contains("Some rows are rejected, so nothing can be imported", preview.AllText());
        Assert.Contains("line 3: countryIso3 \"Atlantis\" is not one of the 26 countries", preview.AllText());
        Assert.Null(preview.ActionData("roster.import.apply"));
        Assert.Contains("Some rows are rejected, so nothing was imported", forcedApply.AllText());
        Assert.Null(await Store().FindAsync("aad-rita", default));
        Assert.Equal("BRA", (await Store().FindAsync("aad-luis", default))?.CountryIso3);
        Assert.Equal(versionBefore, (await Store().GetSnapshotAsync(default)).Version);
    }

    [Fact]
    public async Task Import_FormulaCell_IsRejectedWithReason()
    {
        var csv = Header + "aad-rita,\"=HYPERLINK(\"\"http://example.org/steal\"\",\"\"Rita\"\")\",BRA,unctMember\n";

        var preview = await _bot.ExecuteAsync(_secretariat, "roster.import.preview", new { csv });

        Assert.Contains("line 2: displayName starts with \"=\", so it looks like a spreadsheet formula", preview.AllText());
        Assert.Null(preview.ActionData("roster.import.apply"));
        Assert.Null(await Store().FindAsync("aad-rita", default));
    }

    [Fact]
    public async Task Import_TenMegabytePaste_IsRejectedBeforeParsing()
    {
        var csv = Header + string.Concat(Enumerable.Repeat("aad-x,Someone with a long name,BRA,unctMember\n", 10 * 1024 * 1024 / 40));

        var response = await _bot.PostActivityAsync(_secretariat.Execute("roster.import.preview", new { csv }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await Store().FindAsync("aad-x", default));
    }

    [Fact]
    public async Task Import_NearlyOneMebibyte_IsRejected()
    {
        // Just under the 1 MiB body limit, so the text reaches the parser, whose own limit it also nears.
        var rows = new StringBuilder(Header);
        var line = 0;
        while (rows.Length < 1_000_000)
        {
            rows.Append($"aad-row-{line++},Name {line},BRA,unctMember\n");
        }

        var preview = await _bot.ExecuteAsync(_secretariat, "roster.import.preview", new { csv = rows.ToString() });

        Assert.Contains("more than 5000 data rows", preview.AllText());
        Assert.Null(preview.ActionData("roster.import.apply"));
    }

    [Fact]
    public async Task ImportFile_FromAttachment_IsPreviewedThenApplied()
    {
        var url = _files.Serve("roster.csv", Encoding.UTF8.GetBytes(Header + "aad-rita,Rita Lima,BRA,unctMember\n"));

        var preview = await SendActivityAsync(_secretariat.FileMessage("roster.csv", url));
        var applied = await _bot.ExecuteAsync(_secretariat, "roster.import.apply", preview.ActionData("roster.import.apply"));

        Assert.Equal(["To add", "1", "To change", "0", "Unchanged", "0", "Rejected", "0"], Facts(preview));
        Assert.Contains("Import applied: 1 added and 0 changed.", applied.AllText());
        Assert.Equal("Rita Lima", (await Store().FindAsync("aad-rita", default))?.DisplayName);
    }

    [Fact]
    public async Task ImportFile_InvalidUtf8_IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "aad-rita,Rita ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(",BRA,unctMember\n")).ToArray();
        var url = _files.Serve("latin1.csv", bytes);

        var preview = await SendActivityAsync(_secretariat.FileMessage("latin1.csv", url));

        Assert.True(preview.AllText().Contains("The file is not valid UTF-8: byte offset 55 (line 2)", StringComparison.Ordinal), preview.AllText());
        Assert.Null(preview.ActionData("roster.import.apply"));
        Assert.Null(await Store().FindAsync("aad-rita", default));
    }

    [Fact]
    public async Task ImportFile_TenMegabytes_IsRejected()
    {
        var url = _files.Serve("huge.csv", Encoding.UTF8.GetBytes(Header + new string('x', 10 * 1024 * 1024)));

        var card = await SendActivityAsync(_secretariat.FileMessage("huge.csv", url));

        Assert.Contains("The file is larger than 1 MiB", card.AllText());
        Assert.Null(card.ActionData("roster.import.apply"));
    }

    [Fact]
    public async Task ImportFile_FromUnctMember_IsNotDownloaded()
    {
        var url = _files.Serve("roster.csv", Encoding.UTF8.GetBytes(Header + "aad-ana,Ana Souza,BRA,administrator\n"));

        var card = await SendActivityAsync(_ana.FileMessage("roster.csv", url));

        Assert.Contains("Only the UNDG LAC Secretariat and SopBot administrators can import the roster", card.AllText());
        Assert.Empty(_files.Requests);
        Assert.Equal(Role.UnctMember, (await Store().FindAsync("aad-ana", default))?.Roles);
    }

    [Fact]
    public async Task Export_NeutralizesFormulasAndImportsBack()
    {
        var formula = new RosterMember("aad-formula", "=HYPERLINK(\"http://example.org\",\"x\")", "BRA", Role.UnctMember);
        await Store().UpsertAsync([formula], default);

        var card = await _bot.SendAsync(_connector, _secretariat, "export roster");
        var csv = card.InputValue("csv")!;

        Assert.Contains("6 people on the roster. Part 1 of 1", card.AllText());
        Assert.StartsWith("aadObjectId,displayName,countryIso3,role\r\n", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\"", csv);
        var parsed = RosterCsv.Parse(Encoding.UTF8.GetBytes(csv));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(error => error.Reason)));
        Assert.Contains(formula, parsed.Members);
        Assert.Equal(6, parsed.Members.Count);
    }

    [Fact]
    public async Task Export_ByUnctMember_IsRejected()
    {
        var card = await _bot.SendAsync(_connector, _ana, "export roster");

        Assert.Contains("Only the UNDG LAC Secretariat and SopBot administrators can export the roster", card.AllText());
        Assert.Null(card.InputValue("csv"));
    }

    [Fact]
    public async Task Help_ListsOnlyTheCallersCommands()
    {
        var secretariat = await _bot.SendAsync(_connector, _secretariat, "help");
        var member = await _bot.SendAsync(_connector, _ana, "help");
        var stranger = await _bot.SendAsync(_connector, new ActivityBuilder(_connector.ServiceUrl, "aad-stranger", "Stranger", "es-ES"), "ayuda");

        Assert.Contains("**import roster**", secretariat.AllText());
        Assert.Contains("**link team**", secretariat.AllText());
        Assert.DoesNotContain("**check in**", secretariat.AllText());
        Assert.Null(secretariat.ActionData("checkin.start"));
        Assert.Contains("**check in**", member.AllText());
        Assert.Contains("**roster**", member.AllText());
        Assert.DoesNotContain("**import roster**", member.AllText());
        Assert.DoesNotContain("**link team**", member.AllText());
        Assert.Contains("Lo que puedo hacer", stranger.AllText());
        Assert.Contains("**puntos de conversación**", stranger.AllText());
        Assert.DoesNotContain("**miembros**", stranger.AllText());
        Assert.DoesNotContain("**evaluar**", stranger.AllText());
    }

    [Fact]
    public async Task MisspeltCommand_GetsSuggestionTheCallerMayUse()
    {
        var checkIn = await _bot.SendAsync(_connector, _ana, "chek in");
        var roster = await _bot.SendAsync(_connector, _secretariat, "rostr");
        var strangerRoster = await _bot.SendAsync(_connector, new ActivityBuilder(_connector.ServiceUrl, "aad-stranger", "Stranger"), "rostr");

        Assert.Contains("Did you mean **check in**?", checkIn.AllText());
        Assert.Contains("Did you mean **roster**?", roster.AllText());
        Assert.DoesNotContain("Did you mean", strangerRoster.AllText());
    }

    private TableRosterStore Store() =>
        new(new SopBotTables(azurite.TableService(), new StorageOptions { TablePrefix = _prefix }), TimeProvider.System);

    private async Task<JsonObject> SendActivityAsync(JsonObject activity)
    {
        var before = _connector.SentCards().Count;
        var response = await _bot.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        var cards = _connector.SentCards();
        Assert.Equal(before + 1, cards.Count);
        return cards[^1];
    }

    /// <summary>The AAD object ids behind the list's Edit buttons, in list order.</summary>
    private static List<string> EditIds(JsonObject card) =>
        JsonObjectExtensions.Nodes(card).OfType<JsonObject>()
            .Where(node => (string?)node["verb"] == "roster.edit")
            .Select(node => (string)node["data"]!["aadObjectId"]!)
            .ToList();

    /// <summary>The data of the list's Next page button, with the filter inputs as the card shows them.</summary>
    private static JsonObject NextData(JsonObject card) => NextDataOrNull(card) ?? throw new InvalidOperationException("The card has no Next page button.");

    private static JsonObject? NextDataOrNull(JsonObject card)
    {
        var next = JsonObjectExtensions.Nodes(card).OfType<JsonObject>()
            .FirstOrDefault(node => (string?)node["verb"] == "roster.list" && (int?)node["data"]?["page"] > 1);
        if (next is null)
        {
            return null;
        }

        var data = next["data"]!.DeepClone().AsObject();
        data["filterCountry"] = card.InputValue("filterCountry") ?? string.Empty;
        data["filterRole"] = card.InputValue("filterRole") ?? string.Empty;
        return data;
    }

    private static List<string> Facts(JsonObject card) =>
        JsonObjectExtensions.Nodes(card).OfType<JsonObject>()
            .Where(node => (string?)node["type"] == "FactSet")
            .SelectMany(node => node["facts"]!.AsArray())
            .SelectMany(fact => new[] { (string)fact!["title"]!, (string)fact["value"]! })
            .ToList();
}
