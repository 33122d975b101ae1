namespace KubeEmulator.Semantics;

/// <summary>Field paths as apimachinery prints them: "spec.template.spec.containers[0].name", "data[key]".</summary>
internal static class FieldPath
{
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string Key(string path, string key) => $"{path}[{key}]";
}
