using GitOpsOperator.Hosting;

return await OperatorHost.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
