using System.Text;

namespace GitOpsOperator.Images.Tests.Setters;

/// <summary>A scratch working tree on disk: files written and read back as bytes.</summary>
internal sealed class WorkTree : IDisposable
{
    public WorkTree() => Root = Directory.CreateTempSubdirectory("markers-").FullName;

    public string Root { get; }

    public void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    public void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public byte[] Bytes(string path) => File.ReadAllBytes(Path.Combine(Root, path));

    public string Text(string path) => Encoding.UTF8.GetString(Bytes(path));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
