namespace GitOpsOperator.Sandbox;

/// <summary>
/// The bare repository's post-receive hook: after every push it POSTs the GitLab-style push webhook to the
/// operator, so the push is applied at once rather than at the next poll. Plain bash with /dev/tcp, so a fresh
/// machine needs no curl. It carries the webhook token, so only its owner may read it.
/// </summary>
public static class PushHook
{
    private const string FileName = "post-receive";

    public static async Task WriteAsync(string bareRepository, Uri operatorAddress, string webhookPath, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operatorAddress);
        var hooks = HooksDirectory(bareRepository);
        Directory.CreateDirectory(hooks);
        // The user's global core.hooksPath would otherwise send git looking elsewhere.
        await GitCli.RunAsync(null, ["--git-dir", bareRepository, "config", "core.hooksPath", hooks], cancellationToken).ConfigureAwait(false);
        var path = Path.Combine(hooks, FileName);
        await File.WriteAllTextAsync(path, Script(operatorAddress.Port, webhookPath, token), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Removes a hook left by an earlier run (its port and token are stale) before anything is pushed.</summary>
    public static void Remove(string bareRepository)
    {
        var path = Path.Combine(HooksDirectory(bareRepository), FileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static string HooksDirectory(string bareRepository) => Path.Combine(bareRepository, "hooks");

    private static string Script(int port, string webhookPath, string token) => $$"""
        #!/usr/bin/env bash
        # Written by the GitOps sandbox on every start: tells the operator about each push.
        ref=refs/heads/main
        while read -r _old _new name; do ref="$name"; done
        body="{\"object_kind\":\"push\",\"ref\":\"${ref}\"}"
        if { exec 3<>/dev/tcp/127.0.0.1/{{port}}; } 2>/dev/null; then
          printf 'POST {{webhookPath}} HTTP/1.1\r\nHost: 127.0.0.1:{{port}}\r\nContent-Type: application/json\r\nX-Gitlab-Event: Push Hook\r\nX-Gitlab-Token: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
            '{{token}}' "${#body}" "$body" >&3
          IFS= read -r -t 10 status <&3 || status="no answer"
          exec 3<&-
          echo "sandbox: told the operator about the push (${status%$'\r'})"
        else
          echo "sandbox: the operator is not listening on port {{port}}; it will see the push at its next poll"
        fi

        """;
}
