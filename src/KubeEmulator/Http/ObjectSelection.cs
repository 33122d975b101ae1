using System.Text.Json.Nodes;
using KubeEmulator.Json;
using KubeEmulator.Selection;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>The labelSelector and fieldSelector of a list, watch or deletecollection request.</summary>
internal sealed record ObjectSelection(LabelSelector Labels, FieldSelector Fields)
{
    public static ObjectSelection From(HttpRequest request) => new(
        LabelSelector.Parse(QueryOptions.Get(request, "labelSelector")),
        FieldSelector.Parse(QueryOptions.Get(request, "fieldSelector")));

    public bool Matches(JsonObject obj) => Labels.Matches(obj.Labels()) && Fields.Matches(obj);
}
