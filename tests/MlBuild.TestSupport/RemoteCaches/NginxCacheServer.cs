namespace MlBuild.TestSupport.RemoteCaches;

/// <summary>
/// nginx (Debian's package, installed by .ci/run) serving an HTTP build cache with WebDAV PUT from a temporary root, on
/// 127.0.0.1 and a free port: the server a team puts in front of a disk. Its access log says which requests a build
/// made.
/// </summary>
public sealed class NginxCacheServer : IDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly LoopbackServer _server;

    private NginxCacheServer(LoopbackServer server)
    {
        _server = server;
        Url = $"http://127.0.0.1:{server.Port}/cache/";
    }

    /// <summary>The cache's address, e.g. http://127.0.0.1:5123/cache/.</summary>
    public string Url { get; }

    /// <summary>The server's folder: conf, logs, and the cache's files under data/cache/.</summary>
    public string Root => _server.Root;

    public string DataDirectory => Path.Combine(Root, "data", "cache");

    /// <summary>The requests so far, one "METHOD /path status" per line.</summary>
    public IReadOnlyList<string> AccessLog =>
        File.Exists(Path.Combine(Root, "logs", "access.log"))
            ? File.ReadAllLines(Path.Combine(Root, "logs", "access.log"))
            : [];

    public static bool IsInstalled => File.Exists(Executable);

    public static NginxCacheServer Start()
    {
        if (!IsInstalled)
            throw new InvalidOperationException($"nginx is not installed ({Executable}): .ci/run installs Debian's nginx package.");
        var (root, port) = LoopbackServer.Prepare("nginx");
        foreach (var folder in (string[])["conf", "logs", "temp", "data/cache"])
            Directory.CreateDirectory(Path.Combine(root, folder));
        // Run as root, nginx's workers switch to "nobody": the folders it writes must be theirs to write.
        if (!OperatingSystem.IsWindows())
            foreach (var folder in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Append(root))
                File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        File.WriteAllText(Path.Combine(root, "conf", "nginx.conf"), $$"""
            worker_processes 1;
            error_log {{root}}/logs/error.log warn;
            pid {{root}}/logs/nginx.pid;
            events { worker_connections 64; }
            http {
                log_format plain '$request_method $uri $status';
                client_body_temp_path {{root}}/temp/body;
                proxy_temp_path {{root}}/temp/proxy;
                fastcgi_temp_path {{root}}/temp/fastcgi;
                uwsgi_temp_path {{root}}/temp/uwsgi;
                scgi_temp_path {{root}}/temp/scgi;
                client_max_body_size 0;
                server {
                    listen 127.0.0.1:{{port}};
                    access_log {{root}}/logs/access.log plain;
                    location /cache/ {
                        root {{root}}/data;
                        dav_methods PUT;
                        create_full_put_path on;
                        dav_access user:rw group:rw all:r;
                    }
                }
            }
            """);
        return new NginxCacheServer(LoopbackServer.Start("nginx", Executable,
            ["-p", root, "-c", Path.Combine(root, "conf", "nginx.conf"), "-g", "daemon off;"], root, port, TimeSpan.FromSeconds(20)));
    }

    public void Dispose() => _server.Dispose();
}
