namespace GitOpsOperator.Images;

/// <summary>A value from a registry, or the failure that prevented it.</summary>
public readonly record struct RegistryResult<T>
{
    private RegistryResult(T? value, ScanFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public ScanFailure? Failure { get; }

    public static RegistryResult<T> Ok(T value) => new(value, null);

    public static RegistryResult<T> Fail(ScanFailure failure) => new(default, failure);

    public static implicit operator RegistryResult<T>(ScanFailure failure) => Fail(failure);
}
