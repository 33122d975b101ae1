using KubeEmulator.Api;
using KubeEmulator.Controllers;
using KubeEmulator.Errors;
using KubeEmulator.Hosting;
using KubeEmulator.Introspection;
using KubeEmulator.Registry;
using KubeEmulator.Security;
using KubeEmulator.Security.Rbac;
using KubeEmulator.Writes;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>The one entry point for every request: authentication, impersonation, authorization, counting, injected faults, then the verb.</summary>
internal sealed class ApiHandler
{
    private readonly ClusterState cluster;
    private readonly RequestLog requests;
    private readonly FaultInjector faults;
    private readonly NonResourceEndpoints nonResource;
    private readonly ReadEndpoints reads;
    private readonly WatchEndpoint watches;
    private readonly WriteEndpoints writes;
    private readonly ScaleEndpoints scales;
    private readonly DeleteEndpoints deletes;
    private readonly Authenticator authenticator;
    private readonly AuthenticationEndpoints authentication;
    private readonly Authorizer authorizer;
    private readonly Impersonation impersonation;
    private readonly AccessReviews reviews;

    public ApiHandler(ClusterState cluster, RequestLog requests, FaultInjector faults)
    {
        this.cluster = cluster;
        this.requests = requests;
        this.faults = faults;
        authenticator = new Authenticator(cluster);
        authentication = new AuthenticationEndpoints(cluster, authenticator);
        authorizer = new Authorizer(new RbacRuleResolver(cluster.Store));
        impersonation = new Impersonation(authorizer);
        reviews = new AccessReviews(authorizer);
        var remover = new ObjectRemover(cluster);
        nonResource = new NonResourceEndpoints(cluster);
        reads = new ReadEndpoints(cluster);
        watches = new WatchEndpoint(cluster);
        var pipeline = new WritePipeline(cluster);
        writes = new WriteEndpoints(cluster, pipeline, remover, new OrphanCollector(cluster, remover), new WriteAuthorization(authorizer, cluster.Registry));
        scales = new ScaleEndpoints(cluster, pipeline);
        deletes = new DeleteEndpoints(cluster, remover);
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var user = impersonation.Apply(context.Request, authenticator.Authenticate(context.Request));
            context.Items[typeof(UserInfo)] = user;
            var path = context.Request.Path.Value ?? "/";
            var isNonResource = NonResourceEndpoints.Handles(path);
            var route = isNonResource ? null : ApiRoute.Parse(context.Request.Method, path, QueryOptions.Flag(context.Request, "watch"), cluster.Registry);
            authorizer.Require(RequestAttributesFactory.From(user, context.Request, path, route));
            if (isNonResource)
            {
                await nonResource.HandleAsync(context, path);
                return;
            }

            if (route is null)
            {
                throw ApiException.PathNotFound();
            }

            RefuseUnsupportedBodies(context.Request, route);
            if (!await PassFaultsAsync(context, route))
            {
                return;
            }

            await DispatchAsync(context, route);
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await Responses.WriteErrorAsync(context, error);
        }
        catch (Exception error) when (error is not OperationCanceledException && !context.Response.HasStarted)
        {
            await Responses.WriteErrorAsync(context, new ApiException(500, "InternalError", $"Internal error occurred: {error.GetType().Name}: {error.Message}"));
        }
    }

    /// <summary>Protobuf bodies are read for what typed clients send (create, update, delete); answers are always JSON.</summary>
    private static void RefuseUnsupportedBodies(HttpRequest request, ApiRoute route)
    {
        if (RequestBody.IsProtobuf(request.ContentType) && route.Verb is not ("create" or "update" or "delete" or "deletecollection"))
        {
            throw ProtobufBodies.Unsupported();
        }
    }

    /// <summary>Counts the request and applies the first fault rule that hits it; false when the request was answered or dropped.</summary>
    private async Task<bool> PassFaultsAsync(HttpContext context, ApiRoute route)
    {
        if (context.Request.Headers.UserAgent.ToString().StartsWith(ControllerOptions.UserAgent, StringComparison.Ordinal))
        {
            return true;
        }

        var dryRun = await DryRunRequests.IsDryRunAsync(context.Request, route.Verb, context.RequestAborted);
        requests.Record(new RequestKey(route.Verb, route.CountedResource, dryRun), RequestUser.Of(context).Name, route.Namespace ?? "");
        switch (faults.Match(route.Verb, route.CountedResource, route.Name))
        {
            case null:
                return true;
            case { Action: FaultAction.Delay } slow:
                await Task.Delay(slow.Delay, context.RequestAborted);
                return true;
            case { Action: FaultAction.Drop }:
                context.Abort();
                return false;
            case var fail:
                throw InjectedError(fail);
        }
    }

    private static ApiException InjectedError(FaultRule rule)
    {
        var (reason, message) = rule.StatusCode switch
        {
            429 => ("TooManyRequests", "the server has received too many requests and has asked us to try again later"),
            503 => ("ServiceUnavailable", "the server is currently unable to handle the request"),
            504 => ("Timeout", "the server was unable to return a response in the time allotted"),
            403 => ("Forbidden", rule.Message ?? "forbidden"),
            409 => ("Conflict", "the object has been modified; please apply your changes to the latest version and try again"),
            _ => ("InternalError", "Internal error occurred: injected fault"),
        };
        return new ApiException(rule.StatusCode, reason, message)
        {
            RetryAfterSeconds = rule.RetryAfter is { } after ? (int)Math.Ceiling(after.TotalSeconds) : null,
        };
    }

    private Task DispatchAsync(HttpContext context, ApiRoute route)
    {
        var served = route.Served ?? throw ApiException.PathNotFound();
        CheckScope(route, served);
        if (route.Subresource == "token")
        {
            return authentication.CreateTokenAsync(context, route);
        }

        if (served.Type.IsCreateOnly)
        {
            return route.Verb == "create" ? CreateReviewAsync(context, route, served) : throw ApiException.MethodNotSupported(served.Type);
        }

        if (route.Subresource == "scale")
        {
            return route.Verb switch
            {
                "get" => scales.GetAsync(context, route, served),
                "update" => scales.UpdateAsync(context, route, served),
                _ => scales.PatchAsync(context, route, served),
            };
        }

        return route.Verb switch
        {
            "get" => reads.GetAsync(context, route, served),
            "list" => reads.ListAsync(context, route, served),
            "watch" => watches.WatchAsync(context, route, served),
            "create" when route.Name is null => writes.CreateAsync(context, route, served),
            "update" when route.Name is not null => writes.UpdateAsync(context, route, served),
            "patch" when route.Name is not null => writes.PatchAsync(context, route, served),
            "delete" when route.Subresource is null => deletes.DeleteAsync(context, route, served),
            "deletecollection" => deletes.DeleteCollectionAsync(context, route, served),
            _ => throw ApiException.MethodNotSupported(served.Type),
        };
    }

    /// <summary>The kinds that are only created and answered at once (never stored), by API group.</summary>
    private Task CreateReviewAsync(HttpContext context, ApiRoute route, ServedType served) => served.Type.Group switch
    {
        AuthenticationEndpoints.Group => authentication.CreateReviewAsync(context, served.Type),
        AccessReviews.Group => reviews.CreateAsync(context, route, served),
        _ => throw ApiException.MethodNotSupported(served.Type),
    };

    private static void CheckScope(ApiRoute route, ServedType served)
    {
        var scopeMismatch = served.Type.Namespaced
            ? route.Name is not null && route.Namespace is null
            : route.Namespace is not null;
        var subresourceVerbs = route.Subresource switch
        {
            null => null,
            "status" when served.Type.HasStatus => ApiVerbs.Status,
            "scale" when served.Type.Scale is not null => ApiVerbs.Scale,
            "token" when served.Type.HasToken => ApiVerbs.CreateOnly,
            _ => [],
        };
        if (scopeMismatch || (subresourceVerbs is not null && !subresourceVerbs.Contains(route.Verb)))
        {
            throw ApiException.PathNotFound();
        }
    }
}
