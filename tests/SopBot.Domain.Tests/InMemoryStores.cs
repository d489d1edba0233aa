using SopBot.Domain.CheckIns;
using SopBot.Domain.Roster;

namespace SopBot.Domain.Tests;

/// <summary>Plain in-memory stand-ins for the storage interfaces; the Azurite tests cover the real ones.</summary>
internal sealed class InMemoryRoster(params RosterMember[] members) : IRosterStore
{
    private readonly Dictionary<string, RosterMember> _members = members.ToDictionary(member => member.AadObjectId);

    public Task<RosterMember?> FindAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_members.GetValueOrDefault(aadObjectId));

    public Task UpsertAsync(IReadOnlyCollection<RosterMember> members, CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            _members[member.AadObjectId] = member;
        }

        return Task.CompletedTask;
    }
}

internal sealed class InMemoryCheckIns(TimeProvider clock) : ICheckInStore
{
    private readonly Dictionary<(string, Quarter, int), ElementAnswer> _answers = [];
    private int _version;

    public List<AnswerHistoryEntry> History { get; } = [];

    public int SaveCalls { get; private set; }

    public Task<IReadOnlyList<ElementAnswer>> GetAnswersAsync(string countryIso3, Quarter quarter, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ElementAnswer>>(
            _answers.Values.Where(answer => answer.CountryIso3 == countryIso3 && answer.Quarter == quarter).ToList());

    public Task<IReadOnlyList<AnswerHistoryEntry>> GetHistoryAsync(string countryIso3, Quarter quarter, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AnswerHistoryEntry>>(History);

    public Task<SaveAnswerResult> SaveAnswerAsync(
        string countryIso3, Quarter quarter, int elementNumber, AnswerInput input, Caller changedBy, string? expectedVersion, CancellationToken cancellationToken)
    {
        SaveCalls++;
        _answers.TryGetValue((countryIso3, quarter, elementNumber), out var before);
        if (before?.Version != expectedVersion)
        {
            return Task.FromResult<SaveAnswerResult>(new SaveAnswerResult.Conflict(before));
        }

        var answer = new ElementAnswer(
            countryIso3, quarter, elementNumber, input, changedBy.AadObjectId, changedBy.DisplayName, clock.GetUtcNow(), $"v{++_version}");
        _answers[(countryIso3, quarter, elementNumber)] = answer;
        History.Add(new AnswerHistoryEntry(countryIso3, quarter, elementNumber, before?.Input, input, changedBy.AadObjectId, changedBy.DisplayName, clock.GetUtcNow()));
        return Task.FromResult<SaveAnswerResult>(new SaveAnswerResult.Saved(answer));
    }
}

internal sealed class InMemoryProgress : ICheckInProgressStore
{
    public Dictionary<string, CheckInProgress> Positions { get; } = [];

    public Task<CheckInProgress?> GetAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(Positions.GetValueOrDefault(aadObjectId));

    public Task SaveAsync(CheckInProgress progress, CancellationToken cancellationToken)
    {
        Positions[progress.AadObjectId] = progress;
        return Task.CompletedTask;
    }
}
