namespace GitOpsOperator.Tests.Support;

/// <summary>Waits for an outcome with a generous deadline (the machine may be loaded); never asserts a speed.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var giveUp = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > giveUp)
            {
                Assert.Fail($"gave up waiting for: {what}");
            }

            await Task.Delay(10);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var giveUp = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUp)
            {
                Assert.Fail($"gave up waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Reads a value until it satisfies the condition and returns it; a failure shows the last value read.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, Func<T, string> describe, TimeSpan? deadline = null)
    {
        var giveUp = DateTime.UtcNow + (deadline ?? Deadline);
        var value = await read();
        while (!condition(value))
        {
            if (DateTime.UtcNow > giveUp)
            {
                Assert.Fail($"gave up waiting for: {what}; last seen: {describe(value)}");
            }

            await Task.Delay(50);
            value = await read();
        }

        return value;
    }
}
