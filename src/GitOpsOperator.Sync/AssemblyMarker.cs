namespace GitOpsOperator.Sync;
internal static class AssemblyMarker;
