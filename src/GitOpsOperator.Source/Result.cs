namespace GitOpsOperator.Source;

/// <summary>A value or the failure that prevented it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, SourceFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public SourceFailure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(FailureReason reason, string message) => new(default, new SourceFailure(reason, message));

    public static Result<T> Fail(SourceFailure failure) => new(default, failure);
}
