using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Security;

/// <summary>The user a request runs as, once authentication and impersonation have decided it.</summary>
internal static class RequestUser
{
    public static UserInfo Of(HttpContext context) =>
        context.Items[typeof(UserInfo)] as UserInfo ?? throw new InvalidOperationException("The request has no user: authentication has not run.");
}
