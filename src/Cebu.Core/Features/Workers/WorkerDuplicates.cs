using Cebu.Core.Platform.Data;
using Cebu.Matching;
using Cebu.Matching.Screening;
using Microsoft.EntityFrameworkCore;

namespace Cebu.Core.Features.Workers;

/// <summary>A worker already in the registry who is probably the person being registered, with the engine's evidence.</summary>
public sealed record ProbableDuplicate(Guid Id, string FamilyName, string GivenNames, DateOnly DateOfBirth, string? PassportNumber, double Score, double Weight, IReadOnlyList<FieldEvidence> Evidence);

/// <summary>
/// Finds the probable duplicates of a worker about to be registered, in the sending state's own registry: candidates
/// are the workers who share a name key (<see cref="NameKeys"/>, the index search uses), the passport or national
/// identity number, or the date of birth; each is scored with <see cref="ScreeningModels.Worker"/> and kept at a
/// posterior of <see cref="ScreeningModels.ReportAt"/> or more.
/// </summary>
public static class WorkerDuplicates
{
    /// <summary>At most this many candidates are scored (the most recently registered: ids are time-ordered); a name key shared by more is too common to say much.</summary>
    public const int MaxCandidates = 2000;

    public static ScreeningRecord Record(WorkerInput w) => new ScreeningRecord()
        .Add(ScreeningModels.Name, $"{w.GivenNames} {w.FamilyName}").Add(ScreeningModels.Name, w.NameInLocalScript)
        .Add(ScreeningModels.DateOfBirth, w.DateOfBirth).Add(ScreeningModels.Passport, w.PassportNumber)
        .Add(ScreeningModels.NationalId, w.NationalIdNumber)
        .Add(ScreeningModels.Sex, w.Sex is { } s and not Sex.Unspecified ? s.ToString() : null);

    public static ScreeningRecord Record(Worker w) => new ScreeningRecord()
        .Add(ScreeningModels.Name, $"{w.GivenNames} {w.FamilyName}").Add(ScreeningModels.Name, w.NameInLocalScript)
        .Add(ScreeningModels.DateOfBirth, w.DateOfBirth).Add(ScreeningModels.Passport, w.PassportNumber)
        .Add(ScreeningModels.NationalId, w.NationalIdNumber)
        .Add(ScreeningModels.Sex, w.Sex == Sex.Unspecified ? null : w.Sex.ToString());

    public static async Task<IReadOnlyList<ProbableDuplicate>> FindAsync(CebuDbContext db, string state, WorkerInput input, CancellationToken ct)
    {
        var name = $"{input.GivenNames} {input.FamilyName} {input.NameInLocalScript}";
        var keys = NameKeys.For(name).Concat(NameKeys.Pairs(name)).Select(k => NameFolding.Cut(k)).Distinct().ToList();
        var passport = WorkerRules.Document(input.PassportNumber);
        var nationalId = WorkerRules.Document(input.NationalIdNumber);
        var dob = input.DateOfBirth;
        var candidates = await db.Set<Worker>().AsNoTracking()
            .Where(w => w.OwnerState == state && (w.SearchTerms.Any(t => keys.Contains(t.Key))
                        || (passport != null && w.PassportNumber == passport) || (nationalId != null && w.NationalIdNumber == nationalId)
                        || (dob != null && w.DateOfBirth == dob)))
            .OrderByDescending(w => w.Id).Take(MaxCandidates).ToListAsync(ct);
        var record = Record(input);
        return candidates
            .Select(w => (Worker: w, Score: ScreeningModels.Worker.Score(record, Record(w))))
            .Where(x => x.Score.Probability >= ScreeningModels.ReportAt)
            .OrderByDescending(x => x.Score.Weight).Take(10)
            .Select(x => new ProbableDuplicate(x.Worker.Id, x.Worker.FamilyName, x.Worker.GivenNames, x.Worker.DateOfBirth, x.Worker.PassportNumber,
                x.Score.Probability, x.Score.Weight, x.Score.Evidence))
            .ToList();
    }
}
