namespace GitOpsOperator.Machinery.Informers;

/// <summary>
/// The server refused a list or watch (or did not answer: status 0). The message is the server's own Status message,
/// e.g. <c>configmaps is forbidden: User "…" cannot list resource "configmaps" in API group "" in the namespace "team-a"</c>.
/// </summary>
public sealed class ListWatchException : Exception
{
    public ListWatchException()
    {
    }

    public ListWatchException(string message)
        : base(message)
    {
    }

    public ListWatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ListWatchException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    /// <summary>The HTTP status (or the Status code of a watch ERROR event); 0 when no answer came.</summary>
    public int StatusCode { get; }

    /// <summary>410 Gone: the resourceVersion to resume from is compacted away; only a new list helps.</summary>
    public bool IsExpired => StatusCode == 410;
}
