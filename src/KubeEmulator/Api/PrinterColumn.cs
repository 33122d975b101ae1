namespace KubeEmulator.Api;

/// <summary>A CRD's additionalPrinterColumns entry.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string? Format = null, string? Description = null, int Priority = 0);
