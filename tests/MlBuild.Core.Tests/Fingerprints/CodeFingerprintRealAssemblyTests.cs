using MlBuild.Core.Fingerprints;
using Xunit.Abstractions;

namespace MlBuild.Core.Tests.Fingerprints;

/// <summary>The fingerprint on assemblies built by the real compiler and the SDK, not only on the test's samples.</summary>
public sealed class CodeFingerprintRealAssemblyTests(ITestOutputHelper output)
{
    [Fact]
    public void Works_on_a_class_with_async_methods_generics_and_lambdas_of_a_real_build()
    {
        var assembly = typeof(AsyncGenericSample<>).Assembly.Location;
        var typeName = typeof(AsyncGenericSample<>).FullName!;

        var fingerprint = CodeFingerprint.Compute(assembly, typeName);

        Assert.Matches("^[0-9a-f]{32}$", fingerprint);
        Assert.Equal(fingerprint, CodeFingerprint.Compute(assembly, typeName));
        Assert.NotEqual(fingerprint, CodeFingerprint.Compute(assembly, typeof(CodeFingerprintRealAssemblyTests).FullName!));
    }

    [Fact]
    public void Works_on_every_type_of_real_assemblies_and_tells_them_apart()
    {
        foreach (var assembly in new[] { typeof(CodeFingerprint).Assembly, typeof(CodeFingerprintRealAssemblyTests).Assembly, typeof(Enumerable).Assembly })
        {
            var fingerprints = assembly.GetTypes()
                .Select(type => type.FullName!)
                .ToDictionary(name => name, name => CodeFingerprint.Compute(assembly.Location, name));

            output.WriteLine($"{assembly.GetName().Name}: {fingerprints.Count} types");
            Assert.Equal(fingerprints.Count, fingerprints.Values.Distinct().Count());
        }
    }
}

/// <summary>Code of the shapes a real pipeline has: async, generic, lambdas, closures, iterators, local functions.</summary>
public sealed class AsyncGenericSample<T>
    where T : IComparable<T>
{
    private readonly List<T> _items = [];

    public async Task<int> CountAboveAsync(T threshold, CancellationToken cancellation)
    {
        await Task.Delay(1, cancellation).ConfigureAwait(false);
        var above = _items.Where(item => item.CompareTo(threshold) > 0).ToList();
        return Count(above);

        static int Count<TItem>(IEnumerable<TItem> items) => items.Count();
    }

    public IEnumerable<TResult> Project<TResult>(Func<T, TResult> selector)
    {
        foreach (var item in _items)
        {
            yield return selector(item);
        }
    }

    public async IAsyncEnumerable<T> StreamAsync()
    {
        foreach (var item in _items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
