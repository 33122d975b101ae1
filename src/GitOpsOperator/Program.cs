using GitOpsOperator.Hosting;

return args is [SandboxMoved.Command, ..]
    ? await SandboxMoved.ReportAsync(Console.Error)
    : await OperatorHost.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
