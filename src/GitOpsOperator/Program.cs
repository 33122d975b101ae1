using GitOpsOperator.Hosting;
using GitOpsOperator.Sandbox;

return args is [SandboxCommand.Name, .. var sandboxArgs]
    ? await SandboxCommand.RunAsync(sandboxArgs, Console.Out, Console.Error, CancellationToken.None)
    : await OperatorHost.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
