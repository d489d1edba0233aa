using System.Runtime.CompilerServices;

// The integration tests stop a roster import half-way through TableRosterStore.AfterGenerationChunkWritten.
[assembly: InternalsVisibleTo("SopBot.IntegrationTests")]
