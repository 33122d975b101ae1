using System.Globalization;
using System.Text;

namespace GitOpsOperator.Bench;

/// <summary>
/// The scale shape of issue #18: a bare git repository with <c>apps/app-NNN</c> paths of a few ConfigMaps each
/// (<c>app-NNN-K</c>, so every app can share one target namespace), and a working tree to commit changes from.
/// </summary>
internal sealed class ConfigMapMonorepo
{
    private const string Author = "user.name=Bench";
    private const string Email = "user.email=bench@example.com";

    private readonly string work;

    private ConfigMapMonorepo(string work, string bare)
    {
        this.work = work;
        Bare = bare;
    }

    /// <summary>The bare repository the GitRepository reads (file://).</summary>
    public string Bare { get; }

    public static string ConfigMapName(int app, int index) => string.Create(CultureInfo.InvariantCulture, $"{Monorepo.PathName(app)}-{index}");

    public static async Task<ConfigMapMonorepo> CreateAsync(string directory, int apps, int configMaps)
    {
        var work = Path.Combine(directory, "work");
        var bare = Path.Combine(directory, "monorepo.git");
        for (var app = 0; app < apps; app++)
        {
            var folder = Path.Combine(work, "apps", Monorepo.PathName(app));
            Directory.CreateDirectory(folder);
            var text = new StringBuilder();
            for (var index = 0; index < configMaps; index++)
            {
                text.Append(ConfigMap(app, index, "initial"));
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "configmaps.yaml"), text.ToString());
        }

        await Monorepo.GitAsync(work, "init", "--quiet", "-b", "main");
        await Monorepo.GitAsync(work, "add", "-A");
        await Monorepo.GitAsync(work, "-c", Author, "-c", Email, "commit", "--quiet", "-m", $"{apps} apps");
        await Monorepo.GitAsync(directory, "clone", "--quiet", "--bare", work, bare);
        await Monorepo.GitAsync(work, "remote", "add", "origin", bare);
        return new ConfigMapMonorepo(work, bare);
    }

    /// <summary>Commits a new value of the app's first ConfigMap (the other paths keep their trees) and pushes; returns the SHA.</summary>
    public async Task<string> TouchAsync(int app, int configMaps, string value)
    {
        var text = new StringBuilder(ConfigMap(app, 0, value));
        for (var index = 1; index < configMaps; index++)
        {
            text.Append(ConfigMap(app, index, "initial"));
        }

        await File.WriteAllTextAsync(Path.Combine(work, "apps", Monorepo.PathName(app), "configmaps.yaml"), text.ToString());
        await Monorepo.GitAsync(work, "-c", Author, "-c", Email, "commit", "--quiet", "-am", $"touch {Monorepo.PathName(app)}");
        await Monorepo.GitAsync(work, "push", "--quiet", "origin", "main");
        return await Monorepo.GitAsync(work, "rev-parse", "HEAD");
    }

    private static string ConfigMap(int app, int index, string value) => string.Create(
        CultureInfo.InvariantCulture,
        $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {ConfigMapName(app, index)}\ndata:\n  app: \"{app}\"\n  value: \"{value}\"\n");
}
