namespace GitOpsOperator.Manifests;
internal static class AssemblyMarker;
