using Octokit;
using Octokit.Internal;

namespace MlBuild.GitHub.Api;

/// <summary>
/// Retries Octokit's requests as <see cref="RetryPolicy"/> decides. Octokit has no retry of its own and turns a 429
/// or a 502 straight into an exception.
/// </summary>
/// <remarks>
/// It wraps Octokit's <see cref="IHttpClient"/> rather than sitting in the <see cref="System.Net.Http.HttpClient"/>
/// as a <c>DelegatingHandler</c>: Octokit cancels each request 100 seconds after sending it (<c>Request.Timeout</c>,
/// which the GitHub client offers no way to change), and a handler's waits would count against that, so a one-minute
/// secondary rate limit followed by one more wait would end in a <c>TaskCanceledException</c>. Here each attempt is a
/// fresh send with its own timeout, the waits sit between them, and Octokit serialized the body to a string once,
/// so resending needs no buffering.
/// <para>A POST is retried too, although it is not idempotent: 429 and rate-limit answers mean GitHub did not
/// process it, and a 5xx that did create the comment leaves a duplicate, which the next sync removes (it keeps the
/// oldest).</para>
/// </remarks>
internal sealed class RetryingHttpClient(IHttpClient inner, RetryOptions options, Action<string> log, CancellationToken cancellation = default,
    RetryPolicy? policy = null) : IHttpClient
{
    readonly RetryPolicy policy = policy ?? new RetryPolicy(options);

    public async Task<IResponse> Send(IRequest request, CancellationToken requestCancellation, Func<object, object>? preprocessResponseBody = null)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestCancellation, cancellation);
        var cancellationToken = linked.Token;
        // A stream body is read by the first send and cannot be sent again; Octokit uses one only for uploads.
        var canResend = request.Body is not Stream;
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            IResponse? response = null;
            RetryDecision decision;
            try
            {
                response = await inner.Send(request, cancellationToken, preprocessResponseBody!).ConfigureAwait(false);
                decision = canResend
                    ? policy.Decide((int)response.StatusCode, response.Headers, response.Body as string, attempt, waited, DateTimeOffset.UtcNow)
                    : RetryDecision.Permanent;
            }
            catch (HttpRequestException) when (canResend && !cancellationToken.IsCancellationRequested)
            {
                decision = policy.DecideAfterNetworkError(attempt, waited);
                if (!decision.Retry)
                {
                    log($"{decision.Cause} to {Describe(request)}; not retrying: {decision.GiveUp}.");
                    throw;
                }
            }

            if (!decision.Retry)
            {
                if (decision.Cause is not null)
                    log($"{decision.Cause} to {Describe(request)}; not retrying: {decision.GiveUp}.");
                return response!;
            }

            var actualWait = decision.Wait * options.WaitScale;
            var scaled = options.WaitScale == 1.0 ? "" : $" (shortened to {RetryPolicy.Describe(actualWait)} by {RetryOptions.WaitScaleVariable})";
            log($"{decision.Cause} to {Describe(request)}; retrying in {RetryPolicy.Describe(decision.Wait)}{scaled} " +
                $"(attempt {attempt + 1} of {options.MaxAttempts}).");
            await Task.Delay(actualWait, cancellationToken).ConfigureAwait(false);
            waited += decision.Wait;
        }
    }

    public void SetRequestTimeout(TimeSpan timeout) => inner.SetRequestTimeout(timeout);

    public void Dispose() => inner.Dispose();

    // The method and path only: never headers, where the token is.
    static string Describe(IRequest request) =>
        $"{request.Method} {(request.Endpoint.IsAbsoluteUri ? request.Endpoint.PathAndQuery : "/" + request.Endpoint.OriginalString.TrimStart('/'))}";
}
