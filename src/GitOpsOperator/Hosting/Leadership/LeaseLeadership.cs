using System.Net;
using k8s;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Hosting.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease through KubernetesClient's LeaderElector, one elector per
/// term. The elector reports lock failures only through events, and lets some escape while acquiring; both are
/// logged here as warnings with their reason, so a replica that cannot lead says why. On a clean stop the leader
/// hands the Lease back, so another replica takes over at once instead of after the lease duration.
/// </summary>
public sealed partial class LeaseLeadership : ILeadership
{
    /// <summary>Pending in /readyz until this replica leads or knows who does.</summary>
    public const string ReadinessPart = "leader election";

    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly IKubernetes client;
    private readonly LeaseSettings settings;
    private readonly Readiness readiness;
    private readonly TimeProvider time;
    private readonly ILogger<LeaseLeadership> logger;

    public LeaseLeadership(IKubernetes client, LeaseSettings settings, Readiness readiness, TimeProvider time, ILogger<LeaseLeadership> logger)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        this.client = client;
        this.settings = settings;
        this.readiness = readiness;
        this.time = time;
        this.logger = logger;
        readiness.Require(ReadinessPart);
    }

    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        LogCandidate(logger, settings.Identity, settings.Namespace, settings.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            var term = await TermAsync(lead, stoppingToken).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested)
            {
                if (term.Led)
                {
                    await ReleaseAsync().ConfigureAwait(false);
                }

                return;
            }

            if (term.Failed)
            {
                await PauseAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits for the Lease, leads while it is held, and returns once leadership ended and the work stopped.</summary>
    private async Task<TermOutcome> TermAsync(Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        var leaseLock = new LeaseLock(client, settings.Namespace, settings.Name, settings.Identity);
        leaseLock.OnHttpError += LockRequestFailed;
        var config = new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = settings.LeaseDuration,
            RenewDeadline = settings.RenewDeadline,
            RetryPeriod = settings.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        using var election = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task? work = null;
        elector.OnError += ElectionFailed;
        elector.OnNewLeader += LeaderObserved;
        elector.OnStartedLeading += () =>
        {
            LogBecameLeader(logger, settings.Identity, settings.Namespace, settings.Name);
            work = Task.Run(() => lead(leading.Token), CancellationToken.None);
            readiness.MarkReady(ReadinessPart);
        };
        elector.OnStoppedLeading += () =>
        {
            leading.Cancel();
            if (!stoppingToken.IsCancellationRequested)
            {
                LogLostLeadership(logger, settings.Identity, settings.Namespace, settings.Name);
            }
        };

        var failed = false;
        try
        {
            await elector.RunUntilLeadershipLostAsync(election.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the work below is already cancelled.
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            // Connection failures and time-outs escape the elector while it acquires; the next term retries.
            LogElectionFailed(logger, settings.Identity, Reason(error));
            failed = true;
        }
        finally
        {
            // The elector leaves its last renew attempt running; it must not outlive the term.
            await election.CancelAsync().ConfigureAwait(false);
            await leading.CancelAsync().ConfigureAwait(false);
        }

        if (work is not null)
        {
            await work.ConfigureAwait(false);
        }

        return new TermOutcome(work is not null, failed);
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(settings.RetryPeriod, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping while waiting to retry: nothing held, nothing to hand back.
        }
    }

    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(ReleaseTimeout);
        try
        {
            if (await LeaseRelease.ReleaseAsync(client, settings, time, timeout.Token).ConfigureAwait(false))
            {
                LogReleased(logger, settings.Identity, settings.Namespace, settings.Name);
            }
        }
        catch (Exception error) when (error is HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            LogReleaseFailed(logger, settings.Namespace, settings.Name, Reason(error));
        }
    }

    private void ElectionFailed(Exception error)
    {
        if (error.GetBaseException() is not OperationCanceledException)
        {
            LogElectionFailed(logger, settings.Identity, Reason(error));
        }
    }

    private void LockRequestFailed(HttpOperationException error)
    {
        if (error.Response.StatusCode == HttpStatusCode.Conflict)
        {
            LogLostRace(logger, settings.Namespace, settings.Name);
            return;
        }

        LogLockFailed(logger, settings.Namespace, settings.Name, Reason(error));
    }

    private void LeaderObserved(string leader)
    {
        if (string.IsNullOrEmpty(leader) || leader == settings.Identity)
        {
            return;
        }

        LogFollowing(logger, settings.Identity, leader);
        readiness.MarkReady(ReadinessPart);
    }

    private static string Reason(Exception error) => error.GetBaseException() switch
    {
        HttpOperationException http => $"the API server answered {(int)http.Response.StatusCode} {http.Response.StatusCode}",
        var other => other.Message,
    };

    private readonly record struct TermOutcome(bool Led, bool Failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} is a candidate for leader (Lease {LeaseNamespace}/{LeaseName})")]
    private static partial void LogCandidate(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became leader (Lease {LeaseNamespace}/{LeaseName}); starting controllers")]
    private static partial void LogBecameLeader(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost leadership (Lease {LeaseNamespace}/{LeaseName} not renewed in time); stopping controllers")]
    private static partial void LogLostLeadership(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} follows the leader {Leader}")]
    private static partial void LogFollowing(ILogger logger, string identity, string leader);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} released the Lease {LeaseNamespace}/{LeaseName}")]
    private static partial void LogReleased(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the Lease {LeaseNamespace}/{LeaseName}: {Reason}; another replica takes over once it expires")]
    private static partial void LogReleaseFailed(ILogger logger, string leaseNamespace, string leaseName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election for {Identity} failed: {Reason}; retrying")]
    private static partial void LogElectionFailed(ILogger logger, string identity, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the Lease {LeaseNamespace}/{LeaseName} failed: {Reason}; retrying")]
    private static partial void LogLockFailed(ILogger logger, string leaseNamespace, string leaseName, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another replica wrote the Lease {LeaseNamespace}/{LeaseName} first")]
    private static partial void LogLostRace(ILogger logger, string leaseNamespace, string leaseName);
}
