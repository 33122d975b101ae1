using GitOpsOperator.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};
return await CliApp.RunAsync(args, new Terminal(Console.Out, Console.Error, !Console.IsOutputRedirected), interrupt.Token);
