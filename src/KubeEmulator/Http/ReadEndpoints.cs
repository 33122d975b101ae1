using System.Globalization;
using System.Text.Json;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Json;
using KubeEmulator.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>get and list.</summary>
internal sealed class ReadEndpoints(ClusterState cluster)
{
    public async Task GetAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var obj = cluster.Store.Get(served.StoreKey, route.Namespace, route.Name!) ?? throw ApiException.NotFound(served.Type, route.Name!);
        if (AcceptHeader.WantsTable(context.Request.Headers.Accept))
        {
            await Responses.WriteAsync(context, 200, ObjectViews.Table(context.Request, served, [obj], obj.ResourceVersion(), null, cluster.Now));
            return;
        }

        await Responses.WriteAsync(context, 200, ObjectViews.InRequestedVersion(served, obj));
    }

    public async Task ListAsync(HttpContext context, ApiRoute route, ServedType served)
    {
        var request = context.Request;
        var selection = ObjectSelection.From(request);
        var page = cluster.Store.List(served.StoreKey, route.Namespace, selection.Matches, QueryOptions.Limit(request),
            ContinueToken.Decode(QueryOptions.Get(request, "continue")));
        var resourceVersion = page.Revision.ToString(CultureInfo.InvariantCulture);
        var continueToken = page.ContinueAfter is null ? null : ContinueToken.Encode(page.ContinueAfter);
        if (AcceptHeader.WantsTable(request.Headers.Accept))
        {
            await Responses.WriteAsync(context, 200, ObjectViews.Table(request, served, page.Items, resourceVersion, continueToken, cluster.Now));
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = Responses.Json;
        await using var writer = new Utf8JsonWriter(context.Response.Body, KubeJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("kind", served.Type.ListKind);
        writer.WriteString("apiVersion", served.Type.ApiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", resourceVersion);
        if (continueToken is not null)
        {
            writer.WriteString("continue", continueToken);
            writer.WriteNumber("remainingItemCount", page.RemainingItemCount);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in page.Items)
        {
            ObjectViews.InRequestedVersion(served, item).WriteTo(writer);
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(context.RequestAborted);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
