using SopBot.Domain.Sop;

namespace SopBot.Domain.CheckIns;

/// <summary>The limits an answer must respect before it is stored.</summary>
public static class AnswerRules
{
    public const int MaxNoteLength = 1_000;

    public const int MaxEvidenceLength = 500;

    /// <summary>Returns the first problem with the input, or null when it can be stored.</summary>
    public static CheckInProblem? Validate(AnswerInput input)
    {
        if (input.Note.Length > MaxNoteLength)
        {
            return CheckInProblem.NoteTooLong;
        }

        string[] evidence = [input.Evidence.TermsOfReference, input.Evidence.ProductOrLink, input.Evidence.ContactRole];
        if (evidence.Any(value => value.Length > MaxEvidenceLength))
        {
            return CheckInProblem.EvidenceTooLong;
        }

        if (HasForbiddenCharacters(input.Note) || evidence.Any(HasForbiddenCharacters))
        {
            return CheckInProblem.ForbiddenCharacters;
        }

        if (input.Status == ElementStatus.NotApplicable && string.IsNullOrWhiteSpace(input.Note))
        {
            return CheckInProblem.ReasonRequired;
        }

        return null;
    }

    /// <summary>True for control characters other than tab and line breaks, and for unpaired surrogates.</summary>
    public static bool HasForbiddenCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (char.IsControl(character) && character is not ('\t' or '\n' or '\r'))
            {
                return true;
            }

            if (char.IsHighSurrogate(character))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(character))
            {
                return true;
            }
        }

        return false;
    }
}
