namespace MlBuild.StandIn.State;

/// <summary>How a token behaves, like GitHub's kinds of token.</summary>
public enum TokenKind
{
    /// <summary>A user's token (personal access token, OAuth): <c>GET /user</c> answers with its login.</summary>
    User,

    /// <summary>An app installation token, such as a workflow's <c>GITHUB_TOKEN</c>: <c>GET /user</c> answers 403
    /// "Resource not accessible by integration".</summary>
    Installation,
}

/// <summary>A token the stand-in accepts.</summary>
/// <param name="Value">The secret, as sent after <c>token</c> or <c>Bearer</c>.</param>
/// <param name="Login">Whom its comments are by.</param>
/// <param name="Kind">User or installation token.</param>
/// <param name="ReadOnly">Writes are refused with 403 "Resource not accessible by integration", as for the
/// <c>GITHUB_TOKEN</c> of a pull request from a fork.</param>
public sealed record StandInToken(string Value, string Login, TokenKind Kind, bool ReadOnly);
