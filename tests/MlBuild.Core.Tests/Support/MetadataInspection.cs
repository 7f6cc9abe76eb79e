using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MlBuild.Core.Tests.Support;

/// <summary>Raw facts about a compiled assembly, to show that a test really exercises what it claims to.</summary>
internal static class MetadataInspection
{
    /// <summary>The IL bytes of a method as stored, metadata tokens included.</summary>
    public static byte[] RawIL(string assemblyPath, string typeName, string methodName)
    {
        using var peReader = new PEReader(File.OpenRead(assemblyPath), PEStreamOptions.PrefetchEntireImage);
        var reader = peReader.GetMetadataReader();
        var type = reader.TypeDefinitions.Select(reader.GetTypeDefinition)
            .Single(definition => reader.GetString(definition.Name) == typeName);
        var method = type.GetMethods().Select(reader.GetMethodDefinition)
            .Single(definition => reader.GetString(definition.Name) == methodName);
        return peReader.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
    }

    public static Guid Mvid(string assemblyPath)
    {
        using var peReader = new PEReader(File.OpenRead(assemblyPath));
        var reader = peReader.GetMetadataReader();
        return reader.GetGuid(reader.GetModuleDefinition().Mvid);
    }

    /// <summary>Each anonymous type of the assembly by its compiler-given name, with its property names.</summary>
    public static Dictionary<string, string> AnonymousTypes(string assemblyPath)
    {
        using var peReader = new PEReader(File.OpenRead(assemblyPath));
        var reader = peReader.GetMetadataReader();
        return reader.TypeDefinitions.Select(reader.GetTypeDefinition)
            .Where(type => reader.GetString(type.Name).StartsWith("<>f__AnonymousType", StringComparison.Ordinal))
            .ToDictionary(
                type => reader.GetString(type.Name),
                type => string.Join(",", type.GetGenericParameters().Select(p => reader.GetString(reader.GetGenericParameter(p).Name))));
    }
}
