using Cebu.Matching.Linkage;

namespace Cebu.Matching.Tests;

/// <summary>
/// End to end on the FEBRL benchmark files: the copy in tests/Cebu.Matching.Tests/Data/linkage (with its sources and
/// licences), so that a clean checkout tests itself, or else the project's shared data beside the repository.
/// </summary>
public class FebrlTests
{
    private static string DataFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cebu.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"No Cebu.slnx above {AppContext.BaseDirectory}: cannot find the repository root.");
        var copy = Path.Combine(dir!.FullName, "tests", "Cebu.Matching.Tests", "Data", "linkage", name);
        if (File.Exists(copy)) return copy;
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "linkage", name));
        Assert.True(File.Exists(path), $"The FEBRL benchmark file {name} is missing: it is expected at {copy} (in the repository) or {path}.");
        return path;
    }

    [Fact]
    public void Febrl1_duplicates_are_found_with_an_f1_of_at_least_0_98()
    {
        var log = new List<string>();
        var result = MatchEvaluation.Run(Febrl.Read(DataFile("febrl1.csv")), null, log.Add);
        Assert.Equal(500, result.TruePairs);
        Assert.True(result.F1 >= 0.98, $"{result.Line()}\n{string.Join('\n', log)}");
    }

    [Fact]
    public void The_evaluation_ends_with_the_documented_line()
    {
        var result = MatchEvaluation.Run(Febrl.Read(DataFile("febrl1.csv")), null);
        Assert.Matches(@"^precision=[01]\.\d{4} recall=[01]\.\d{4} f1=[01]\.\d{4} pairs_per_second=\d+$", result.Line());
    }

    [Fact]
    public void Two_files_are_linked_across_not_within()
    {
        const string header = "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id";
        var people = Febrl.Read(DataFile("febrl1.csv"));
        var lines = File.ReadAllLines(DataFile("febrl1.csv")).Skip(1).ToArray();
        var a = Febrl.Read(new StringReader(string.Join('\n', lines.Where(l => l.Contains("-org,")).Prepend(header))));
        var b = Febrl.Read(new StringReader(string.Join('\n', lines.Where(l => l.Contains("-dup-")).Prepend(header))));
        Assert.True(people.Count == a.Count + b.Count);
        var result = MatchEvaluation.Run(a, b);
        Assert.Equal(b.Count, result.TruePairs); // each duplicate of febrl1 has its original in the other file
        Assert.True(result.F1 >= 0.98, result.Line());
    }

    [Fact]
    public void Scoring_a_pair_allocates_nothing()
    {
        var set = Febrl.Read(DataFile("febrl1.csv"));
        var result = Linker.Run(set, set, Febrl.Configuration());
        var weights = new float[result.CandidatePairs.Length];
        result.Scorer.ScoreAll(result.CandidatePairs, weights, parallel: false);
        var before = GC.GetAllocatedBytesForCurrentThread();
        result.Scorer.ScoreAll(result.CandidatePairs, weights, parallel: false);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(result.Weights, weights);
    }

    [Fact]
    public void Csv_fields_are_trimmed_and_empty_ones_missing()
    {
        var set = Febrl.Read(new StringReader("rec_id, given_name, surname\nrec-1-org, , \"smith, jr\"\n"));
        Assert.Null(set.Get(0, "given_name"));
        Assert.Equal("smith, jr", set.Get(0, "surname"));
        Assert.Equal("1", Febrl.Entity(set.Get(0, "rec_id")));
        Assert.Equal("1", Febrl.Entity("rec-1-dup-3"));
    }
}
