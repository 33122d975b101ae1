using System.Net.Http.Headers;

namespace GitOpsOperator.Images.Registry;

/// <summary>
/// A registry's 401 challenge: Basic, or Bearer with the token service's realm, service and scope
/// (<c>WWW-Authenticate: Bearer realm="https://auth.example.com/token",service="registry",scope="repository:app:pull"</c>).
/// </summary>
internal sealed record AuthChallenge(string Scheme, string? Realm, string? Service, string? Scope)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first Basic or Bearer challenge of the response, or null.</summary>
    public static AuthChallenge? From(HttpResponseHeaders headers)
    {
        foreach (var header in headers.WwwAuthenticate)
        {
            if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            {
                return new AuthChallenge("Basic", null, null, null);
            }

            if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                var parameters = Parameters(header.Parameter ?? "");
                return new AuthChallenge(
                    "Bearer", parameters.GetValueOrDefault("realm"), parameters.GetValueOrDefault("service"), parameters.GetValueOrDefault("scope"));
            }
        }

        return null;
    }

    /// <summary>key="value" pairs separated by commas; commas inside quotes (a scope list) belong to the value.</summary>
    private static Dictionary<string, string> Parameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < text.Length)
        {
            var equals = text.IndexOf('=', position);
            if (equals < 0)
            {
                break;
            }

            var key = text[position..equals].Trim(' ', ',');
            var valueStart = equals + 1;
            string value;
            if (valueStart < text.Length && text[valueStart] == '"')
            {
                var closing = text.IndexOf('"', valueStart + 1);
                closing = closing < 0 ? text.Length : closing;
                value = text[(valueStart + 1)..closing];
                position = closing + 1;
            }
            else
            {
                var comma = text.IndexOf(',', valueStart);
                comma = comma < 0 ? text.Length : comma;
                value = text[valueStart..comma].Trim();
                position = comma;
            }

            result[key] = value;
            position = text.IndexOf(',', Math.Min(position, text.Length)) is var next && next >= 0 ? next + 1 : text.Length;
        }

        return result;
    }
}
