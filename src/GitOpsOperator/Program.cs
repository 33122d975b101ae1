Console.WriteLine("GitOpsOperator");
