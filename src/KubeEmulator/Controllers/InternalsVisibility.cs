using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("KubeEmulator.Tests")]
