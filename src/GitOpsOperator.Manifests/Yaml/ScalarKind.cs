namespace GitOpsOperator.Manifests.Yaml;

internal enum ScalarKind
{
    Null,
    Bool,
    Int,
    UnsignedInt,
    Float,
    String,
}
