using SopBot.Domain.CheckIns;
using SopBot.Domain.Sop;

namespace SopBot.Domain.Tests;

public sealed class AnswerRulesTests
{
    [Fact]
    public void Validate_OrdinaryAnswer_Passes()
    {
        Assert.Null(AnswerRules.Validate(Input(ElementStatus.Achieved, "Signed in 2024.\nSee the ToR.")));
    }

    [Fact]
    public void Validate_NoteAtTheLimit_Passes()
    {
        Assert.Null(AnswerRules.Validate(Input(ElementStatus.InProgress, new string('a', AnswerRules.MaxNoteLength))));
    }

    [Fact]
    public void Validate_NoteOverTheLimit_IsTooLong()
    {
        Assert.Equal(CheckInProblem.NoteTooLong, AnswerRules.Validate(Input(ElementStatus.InProgress, new string('a', 1_001))));
    }

    [Fact]
    public void Validate_LongEvidence_IsTooLong()
    {
        var input = Input(ElementStatus.Achieved, "") with { Evidence = new Evidence(new string('t', 501), "", "") };

        Assert.Equal(CheckInProblem.EvidenceTooLong, AnswerRules.Validate(input));
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000")]
    [InlineData("escape\u001b[31m")]
    public void Validate_ControlCharacters_AreForbidden(string note)
    {
        Assert.Equal(CheckInProblem.ForbiddenCharacters, AnswerRules.Validate(Input(ElementStatus.Achieved, note)));
    }

    [Fact]
    public void Validate_UnpairedSurrogates_AreForbidden()
    {
        // Built in code because xunit replaces unpaired surrogates in InlineData with U+FFFD.
        var high = "lone " + (char)0xD800 + " high";
        var low = "lone " + (char)0xDC00 + " low";

        Assert.Equal(CheckInProblem.ForbiddenCharacters, AnswerRules.Validate(Input(ElementStatus.Achieved, high)));
        Assert.Equal(CheckInProblem.ForbiddenCharacters, AnswerRules.Validate(Input(ElementStatus.Achieved, low)));
    }

    [Theory]
    [InlineData("</at> **bold** \"quotes\" {\"a\": 1}")]
    [InlineData("slash / back \\ hash # question ?")]
    [InlineData("emoji 🌎 and tab\tand lines\r\n")]
    public void Validate_PrintableText_Passes(string note)
    {
        Assert.Null(AnswerRules.Validate(Input(ElementStatus.Achieved, note)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Validate_NotApplicableWithoutReason_NeedsReason(string note)
    {
        Assert.Equal(CheckInProblem.ReasonRequired, AnswerRules.Validate(Input(ElementStatus.NotApplicable, note)));
    }

    [Fact]
    public void Validate_NotApplicableWithReason_Passes()
    {
        Assert.Null(AnswerRules.Validate(Input(ElementStatus.NotApplicable, "Multi-country office: the OMT is in Barbados.")));
    }

    private static AnswerInput Input(ElementStatus status, string note) => new(status, note, Evidence.None);
}
