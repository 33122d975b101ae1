namespace GitOpsOperator.Source.Export;

internal static class StreamExtensions
{
    public static byte[] ReadAllBytes(this Stream stream)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
