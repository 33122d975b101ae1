namespace GitOpsOperator.Hosting;

public static class LogFormats
{
    public const string Console = "console";
    public const string Json = "json";
}
