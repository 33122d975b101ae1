namespace GitOpsOperator.Source;
internal static class AssemblyMarker;
