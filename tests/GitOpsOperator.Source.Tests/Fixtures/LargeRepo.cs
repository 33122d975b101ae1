using System.Globalization;
using System.Text;

namespace GitOpsOperator.Source.Tests.Fixtures;

/// <summary>A bare repository with many files and a long history, generated in seconds with <c>git fast-import</c>.</summary>
public sealed class LargeRepo
{
    private const long Epoch = 1_767_225_600;
    private int _changes;

    private LargeRepo(string name, string gitDir, int files, int commits)
    {
        Name = name;
        GitDir = gitDir;
        Files = files;
        Commits = commits;
    }

    public string Name { get; }

    public string GitDir { get; }

    public int Files { get; }

    public int Commits { get; }

    /// <summary>One commit adding <paramref name="files"/> files, then one commit per file change up to <paramref name="commits"/>.</summary>
    public static async Task<LargeRepo> CreateAsync(string serveRoot, string name, int files = 5_000, int commits = 10_000)
    {
        var gitDir = Path.Combine(serveRoot, name + ".git");
        await Cli.GitAsync("init", "--bare", "--quiet", "-b", "main", gitDir);
        var stream = new StringBuilder();
        stream.Append(CommitHeader(1, "add files", from: null));
        for (var i = 0; i < files; i++)
        {
            stream.Append(Modify(FilePath(i), Content(i, 0)));
        }

        stream.Append('\n');
        for (var c = 1; c < commits; c++)
        {
            stream.Append(CommitHeader(c + 1, $"change {c}", from: null)).Append(Modify(FilePath(c % files), Content(c % files, c))).Append('\n');
        }

        await Cli.RunAsync("git", ["--git-dir", gitDir, "fast-import", "--quiet"], input: stream.ToString());
        await Cli.GitAsync("--git-dir", gitDir, "repack", "-a", "-d", "-q", "--write-bitmap-index");
        return new LargeRepo(name, gitDir, files, commits);
    }

    /// <summary>Commits a change to one file on main; returns the new head.</summary>
    public async Task<string> ChangeOneFileAsync()
    {
        var change = ++_changes;
        var commit = CommitHeader(Commits + change, $"one-file change {change}", from: "refs/heads/main^0")
            + Modify(FilePath(change), Content(change, Commits + change)) + "\n";
        await Cli.RunAsync("git", ["--git-dir", GitDir, "fast-import", "--quiet"], input: commit);
        return await Cli.GitAsync("--git-dir", GitDir, "rev-parse", "refs/heads/main");
    }

    private static string FilePath(int i) => string.Create(CultureInfo.InvariantCulture, $"apps/app{i / 100:D2}/config-{i:D4}.yaml");

    private static string Content(int file, int revision) => string.Create(
        CultureInfo.InvariantCulture,
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-{file:D4}\ndata:\n  revision: \"{revision}\"\n");

    private static string CommitHeader(int index, string message, string? from) =>
        string.Create(CultureInfo.InvariantCulture, $"commit refs/heads/main\ncommitter Bench <bench@example.com> {Epoch + index} +0000\ndata {Encoding.UTF8.GetByteCount(message)}\n{message}\n")
        + (from is null ? string.Empty : $"from {from}\n");

    private static string Modify(string path, string content) =>
        string.Create(CultureInfo.InvariantCulture, $"M 100644 inline {path}\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
}
