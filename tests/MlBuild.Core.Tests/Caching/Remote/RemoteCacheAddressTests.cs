using MlBuild.Core.Caching.Remote;

namespace MlBuild.Core.Tests.Caching.Remote;

public sealed class RemoteCacheAddressTests
{
    [Theory]
    [InlineData("https://cache.example.com/mlbuild", "Http", "https://cache.example.com/mlbuild")]
    [InlineData("http://127.0.0.1:9090/", "Http", "http://127.0.0.1:9090")]
    [InlineData("https://user:hunter2@cache.example.com/m?sig=abc", "Http", "https://cache.example.com/m")]
    [InlineData("s3://team-bucket/mlbuild/models", "S3", "s3://team-bucket/mlbuild/models")]
    [InlineData("azure://models", "AzureBlob", "azure://models")]
    public void Parses_each_store_and_shows_it_without_user_info_or_query(string text, string kind, string display)
    {
        var address = RemoteCacheAddress.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(Enum.Parse<RemoteStoreKind>(kind), address!.Kind);
        Assert.Equal(display, address.Display);
        Assert.DoesNotContain("hunter2", address.Display);
    }

    [Fact]
    public void An_http_base_ends_with_a_slash_so_that_keys_resolve_below_it()
    {
        var address = RemoteCacheAddress.Parse("https://cache.example.com/team/mlbuild", out _)!;

        Assert.Equal("https://cache.example.com/team/mlbuild/ac/x", new Uri(address.Uri, "ac/x").ToString());
    }

    [Theory]
    [InlineData("cache.example.com/mlbuild", "absolute")]
    [InlineData("ftp://cache.example.com/", "ftp")]
    [InlineData("s3:///prefix", "bucket")]
    public void Refuses_what_it_cannot_use_and_says_why(string text, string why)
    {
        Assert.Null(RemoteCacheAddress.Parse(text, out var error));
        Assert.Contains(why, error);
    }

    [Fact]
    public void Backoff_grows_fourfold_honours_Retry_After_within_its_bound_and_stops_after_the_last_attempt()
    {
        var options = new RemoteCacheOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(250), options.DelayBefore(2, null));
        Assert.Equal(TimeSpan.FromSeconds(1), options.DelayBefore(3, null));
        Assert.Null(options.DelayBefore(4, null));
        Assert.Equal(TimeSpan.FromSeconds(3), options.DelayBefore(2, TimeSpan.FromSeconds(3)));
        Assert.Null(options.DelayBefore(2, TimeSpan.FromMinutes(5)));
    }
}
