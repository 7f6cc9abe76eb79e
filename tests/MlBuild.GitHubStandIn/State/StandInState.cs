using System.Security.Cryptography;
using System.Text;

namespace MlBuild.StandIn.State;

/// <summary>
/// Everything the stand-in knows, behind one lock: requests come from Kestrel's threads, and in the end-to-end tests
/// from two processes at once (a concurrent run).
/// </summary>
internal sealed class StandInState
{
    static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    readonly Lock gate = new();
    // Real comment ids passed 2^31 long ago: a client that keeps them in an int breaks here too.
    long nextCommentId = 3_000_000_000;
    long nextRepositoryId = 700_000_000;
    readonly Dictionary<string, long> repositoryIds = new(Names);
    readonly Dictionary<long, string> repositoriesById = [];
    readonly SortedDictionary<long, StandInComment> comments = [];
    readonly Dictionary<string, StandInToken> tokens = new(StringComparer.Ordinal);
    readonly Dictionary<(string Repository, int Number), StandInPullRequest> pullRequests = new(new RepositoryNumberComparer());
    readonly Dictionary<string, Dictionary<string, StandInCommit>> commits = new(Names);
    readonly Dictionary<string, Dictionary<string, string>> branches = new(Names);

    public void AddToken(StandInToken token)
    {
        lock (gate)
            tokens[token.Value] = token;
    }

    public StandInToken? FindToken(string value)
    {
        lock (gate)
            return tokens.GetValueOrDefault(value);
    }

    /// <summary>The repository's numeric id, as in GitHub's <c>/repositories/{id}/…</c> addresses (given on first use).</summary>
    public long RepositoryId(string repository)
    {
        lock (gate)
        {
            if (!repositoryIds.TryGetValue(repository, out var id))
            {
                id = nextRepositoryId++;
                repositoryIds[repository] = id;
                repositoriesById[id] = repository;
            }
            return id;
        }
    }

    public string? RepositoryById(long id)
    {
        lock (gate)
            return repositoriesById.GetValueOrDefault(id);
    }

    public StandInComment AddComment(string repository, int issueNumber, string login, string body, DateTimeOffset createdAt)
    {
        RepositoryId(repository);
        lock (gate)
        {
            var comment = new StandInComment(nextCommentId++, repository, issueNumber, login, body, createdAt, createdAt);
            comments[comment.Id] = comment;
            return comment;
        }
    }

    /// <summary>The issue's comments in GitHub's order: oldest first.</summary>
    public IReadOnlyList<StandInComment> CommentsOf(string repository, int issueNumber)
    {
        lock (gate)
            return comments.Values
                .Where(c => Names.Equals(c.Repository, repository) && c.IssueNumber == issueNumber)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .ToList();
    }

    public StandInComment? Comment(string repository, long id)
    {
        lock (gate)
            return comments.TryGetValue(id, out var comment) && Names.Equals(comment.Repository, repository) ? comment : null;
    }

    public StandInComment? UpdateComment(string repository, long id, string body, DateTimeOffset now)
    {
        lock (gate)
        {
            if (Comment(repository, id) is not { } comment)
                return null;
            return comments[id] = comment with { Body = body, UpdatedAt = now };
        }
    }

    public bool DeleteComment(string repository, long id)
    {
        lock (gate)
            return Comment(repository, id) is not null && comments.Remove(id);
    }

    public void AddPullRequest(StandInPullRequest pullRequest)
    {
        RepositoryId(pullRequest.Repository);
        lock (gate)
            pullRequests[(pullRequest.Repository, pullRequest.Number)] = pullRequest;
    }

    public StandInPullRequest? PullRequest(string repository, int number)
    {
        lock (gate)
            return pullRequests.GetValueOrDefault((repository, number));
    }

    /// <summary>Commits the files on the branch (created at its first commit) and returns the commit.</summary>
    public StandInCommit AddCommit(string repository, string branch, string message, IReadOnlyDictionary<string, string> files, DateTimeOffset date)
    {
        RepositoryId(repository);
        lock (gate)
        {
            var repositoryCommits = commits.TryGetValue(repository, out var found) ? found : commits[repository] = new(StringComparer.Ordinal);
            var repositoryBranches = branches.TryGetValue(repository, out var known) ? known : branches[repository] = new(StringComparer.Ordinal);
            var parent = repositoryBranches.GetValueOrDefault(branch);
            var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(
                $"{repository}\n{branch}\n{parent}\n{message}\n{date:O}\n{repositoryCommits.Count}")));
            var commit = new StandInCommit(sha, parent, message, date, new Dictionary<string, string>(files, StringComparer.Ordinal));
            repositoryCommits[sha] = commit;
            repositoryBranches[branch] = sha;
            return commit;
        }
    }

    /// <summary>The commit a ref names: a branch, or a commit's full sha.</summary>
    public StandInCommit? Resolve(string repository, string reference)
    {
        lock (gate)
        {
            if (!commits.TryGetValue(repository, out var repositoryCommits))
                return null;
            var sha = branches[repository].GetValueOrDefault(reference) ?? reference;
            return repositoryCommits.GetValueOrDefault(sha);
        }
    }

    /// <summary>The commit and its ancestors, newest first.</summary>
    public IReadOnlyList<StandInCommit> History(string repository, StandInCommit head)
    {
        lock (gate)
        {
            var history = new List<StandInCommit>();
            for (StandInCommit? commit = head; commit is not null; commit = commit.ParentSha is { } parent ? commits[repository][parent] : null)
                history.Add(commit);
            return history;
        }
    }

    sealed class RepositoryNumberComparer : IEqualityComparer<(string Repository, int Number)>
    {
        public bool Equals((string Repository, int Number) x, (string Repository, int Number) y) =>
            x.Number == y.Number && Names.Equals(x.Repository, y.Repository);

        public int GetHashCode((string Repository, int Number) key) => HashCode.Combine(Names.GetHashCode(key.Repository), key.Number);
    }
}
