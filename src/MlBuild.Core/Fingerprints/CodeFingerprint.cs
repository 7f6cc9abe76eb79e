using System.Buffers.Binary;
using System.IO.Hashing;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace MlBuild.Core.Fingerprints;

/// <summary>
/// The fingerprint of the compiled code that defines a code-mode pipeline: it changes when that code changes,
/// and stays the same when only unrelated code of the same assembly does, so that a model is retrained exactly
/// when its pipeline may build something else.
/// </summary>
internal static class CodeFingerprint
{
    // Part of every hash: bump it when what is hashed changes, so that no fingerprint of an older MlBuild matches.
    private const string FormatVersion = "mlbuild-code-fingerprint/1";
    private const string PipelineInterfaceName = "IModelPipeline";

    /// <summary>
    /// Hashes the code of the pipeline class <paramref name="typeFullName"/> of the assembly at
    /// <paramref name="assemblyPath"/>, read as metadata (the assembly is never loaded).
    /// </summary>
    /// <param name="typeFullName">The full name as reflection spells it: namespace included, nested classes as
    /// <c>Outer+Inner</c>, generic ones with their arity (<c>Pipeline`1</c>).</param>
    /// <returns>A lowercase hex XxHash128.</returns>
    /// <exception cref="PipelineTypeNotFoundException">The assembly has no such type.</exception>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    /// <remarks>
    /// <para>Covered, in full: the pipeline class, every type nested in it (which includes the compiler-generated
    /// classes of its lambdas, closures, iterators and async methods) and its base classes declared in the same
    /// assembly. Of each: its attributes, base type and interfaces, generic parameters, the names, flags,
    /// signatures, constants and attributes of its fields, methods, parameters, properties and events, and each
    /// method body: IL, local variables, exception regions, and the data of the array and UTF-8 literals it uses.</para>
    /// <para>Also covered, following the IL transitively: every method of another class of the same assembly that
    /// the covered code calls, creates a delegate to or constructs (with the static constructor of its class, whose
    /// field initializers such a call may run); the compiler-generated classes those methods use (their lambdas,
    /// state machines); and the data shape (attributes, instance fields and properties) of every class of the
    /// assembly that the covered code mentions, because ML.NET builds schemas by reflecting on data classes.</para>
    /// <para>Metadata tokens in the IL are row numbers that shift whenever unrelated types or members are added, so
    /// each is hashed as a name-and-signature identity instead, and string tokens as the string; the assembly's name,
    /// version and MVID, and the code the pipeline does not reach, are not hashed.</para>
    /// <para>Not covered, because reading IL cannot tell what runs: the overrides reached by a virtual or interface
    /// call (an <c>IFeaturizer</c> implemented elsewhere in the assembly), code reached through reflection, and the
    /// code of other assemblies (the project's references are fingerprinted as packages, not as code). Over-covered,
    /// harmlessly: when the pipeline uses a helper class, the lambdas of that class's other methods are hashed with
    /// the ones used, as the compiler keeps them all in one nested class, and their compiler-given names number the
    /// methods of the class, so adding a method before a used one also changes the hash (a needless retrain, never a
    /// stale model). Line numbers are not in IL, except where <c>[CallerLineNumber]</c> puts them.</para>
    /// </remarks>
    public static string Compute(string assemblyPath, string typeFullName)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyPath);
        ArgumentException.ThrowIfNullOrEmpty(typeFullName);

        // Read whole at once: no file handle is held while the build may rewrite the assembly.
        using var peReader = new PEReader(ImmutableCollectionsMarshal.AsImmutableArray(File.ReadAllBytes(assemblyPath)));
        if (!peReader.HasMetadata)
        {
            throw new BadImageFormatException($"'{assemblyPath}' is not a .NET assembly.", assemblyPath);
        }

        var reader = peReader.GetMetadataReader();
        var pipelineType = FindType(reader, typeFullName)
            ?? throw new PipelineTypeNotFoundException(typeFullName, assemblyPath, FindPipelineClasses(reader));

        var writer = new FingerprintWriter();
        writer.Write(FormatVersion);
        new PipelineCodeWalker(peReader, reader, writer).Write(pipelineType);
        return writer.ToHexString();
    }

    private static TypeDefinitionHandle? FindType(MetadataReader reader, string typeFullName)
    {
        var simpleName = typeFullName[(typeFullName.LastIndexOfAny(['.', '+']) + 1)..];
        foreach (var handle in reader.TypeDefinitions)
        {
            // The simple name first: comparing it allocates nothing, and rules out nearly every type.
            if (reader.StringComparer.Equals(reader.GetTypeDefinition(handle).Name, simpleName)
                && ReflectionFullName(reader, handle) == typeFullName)
            {
                return handle;
            }
        }

        return null;
    }

    /// <summary>
    /// The concrete classes whose interface list, or that of a base class of the assembly, names an
    /// <c>IModelPipeline</c>: what the user probably meant.
    /// </summary>
    private static List<string> FindPipelineClasses(MetadataReader reader)
    {
        var types = new MetadataIdentities(reader, onTypeDefinitionMentioned: static _ => { });
        var classes = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            if ((reader.GetTypeDefinition(handle).Attributes & (TypeAttributes.Interface | TypeAttributes.Abstract)) != 0)
            {
                continue;
            }

            // Bounded: only invalid metadata has an inheritance cycle.
            var type = handle;
            for (var depth = 0; depth < 100 && !type.IsNil; depth++)
            {
                if (ListsPipelineInterface(reader, reader.GetTypeDefinition(type)))
                {
                    classes.Add(ReflectionFullName(reader, handle));
                    break;
                }

                type = types.TryGetTypeDefinition(reader.GetTypeDefinition(type).BaseType, out var baseType) ? baseType : default;
            }
        }

        classes.Sort(StringComparer.Ordinal);
        return classes;
    }

    private static bool ListsPipelineInterface(MetadataReader reader, TypeDefinition type)
    {
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            var @interface = reader.GetInterfaceImplementation(implementation).Interface;
            var name = @interface.Kind switch
            {
                HandleKind.TypeDefinition => reader.GetTypeDefinition((TypeDefinitionHandle)@interface).Name,
                HandleKind.TypeReference => reader.GetTypeReference((TypeReferenceHandle)@interface).Name,
                _ => default,
            };
            if (!name.IsNil && reader.StringComparer.Equals(name, PipelineInterfaceName))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReflectionFullName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaringType = type.GetDeclaringType();
        if (!declaringType.IsNil)
        {
            return ReflectionFullName(reader, declaringType) + "+" + name;
        }

        var @namespace = reader.GetString(type.Namespace);
        return @namespace.Length == 0 ? name : @namespace + "." + name;
    }

    /// <summary>
    /// Decides which code the pipeline depends on (see <see cref="Compute"/>) and writes it. Work is done breadth
    /// first in order of discovery, and discovery follows the written code, so the order never depends on row
    /// numbers either.
    /// </summary>
    private sealed class PipelineCodeWalker
    {
        private readonly MetadataReader _reader;
        private readonly MetadataIdentities _identities;
        private readonly CanonicalDefinitionWriter _definitions;
        private readonly HashSet<TypeDefinitionHandle> _wholeTypes = [];
        private readonly HashSet<TypeDefinitionHandle> _shapeTypes = [];
        private readonly HashSet<TypeDefinitionHandle> _typesWithStaticConstructorReached = [];
        private readonly HashSet<MethodDefinitionHandle> _methods = [];
        // Type definitions (whole or shape, as the sets above tell) and method definitions still to write.
        private readonly Queue<EntityHandle> _pending = new();

        public PipelineCodeWalker(PEReader peReader, MetadataReader reader, FingerprintWriter writer)
        {
            _reader = reader;
            _identities = new MetadataIdentities(reader, RequestShape);
            _definitions = new CanonicalDefinitionWriter(peReader, reader, _identities, writer, OnTokenOperand);
        }

        public void Write(TypeDefinitionHandle pipelineType)
        {
            // The pipeline and its base classes of this assembly, whose methods it inherits (a template method
            // in a base class calling the pipeline's overrides is common).
            for (var type = pipelineType; !type.IsNil; type = BaseTypeDefinitionOrNil(type))
            {
                if (!RequestWholeType(type))
                {
                    break; // An inheritance cycle: invalid metadata.
                }
            }

            while (_pending.TryDequeue(out var next))
            {
                if (next.Kind == HandleKind.MethodDefinition)
                {
                    _definitions.WriteMethod((MethodDefinitionHandle)next);
                }
                else if (_wholeTypes.Contains((TypeDefinitionHandle)next))
                {
                    _definitions.WriteWholeType((TypeDefinitionHandle)next);
                }
                else
                {
                    _definitions.WriteShape((TypeDefinitionHandle)next);
                }
            }
        }

        /// <summary>A type with all its code, and its nested types with theirs. False when already requested.</summary>
        private bool RequestWholeType(TypeDefinitionHandle handle)
        {
            if (!_wholeTypes.Add(handle))
            {
                return false;
            }

            _pending.Enqueue(handle);
            foreach (var nested in _reader.GetTypeDefinition(handle).GetNestedTypes())
            {
                RequestWholeType(nested);
            }

            return true;
        }

        /// <summary>Told of every type definition that written text mentions.</summary>
        private void RequestShape(TypeDefinitionHandle handle)
        {
            if (_wholeTypes.Contains(handle) || _shapeTypes.Contains(handle))
            {
                return;
            }

            switch (OriginOf(handle))
            {
                case TypeOrigin.MethodCompilerGenerated:
                    RequestWholeType(handle);
                    break;
                case TypeOrigin.UserCode:
                    _shapeTypes.Add(handle);
                    _pending.Enqueue(handle);
                    break;
            }
        }

        /// <summary>Told of every token operand of the IL written: follows calls into the rest of the assembly.</summary>
        private void OnTokenOperand(EntityHandle operand)
        {
            if (_identities.TryResolveMethodDefinition(operand, out var method))
            {
                ReachMethod(method);
            }
            else if (_identities.TryGetFieldDeclaringType(operand, out var declaringType))
            {
                ReachStaticConstructor(declaringType);
            }
        }

        private void ReachMethod(MethodDefinitionHandle handle)
        {
            var declaringType = _reader.GetMethodDefinition(handle).GetDeclaringType();
            if (_wholeTypes.Contains(declaringType))
            {
                return;
            }

            if (OriginOf(declaringType) == TypeOrigin.MethodCompilerGenerated)
            {
                RequestWholeType(declaringType);
            }
            else if (_methods.Add(handle))
            {
                _pending.Enqueue(handle);
                ReachStaticConstructor(declaringType);
            }
        }

        /// <summary>Using a member of a class may run its static constructor, and with it the class's static
        /// field initializers (a shared list of stop words, say).</summary>
        private void ReachStaticConstructor(TypeDefinitionHandle handle)
        {
            if (_wholeTypes.Contains(handle)
                || OriginOf(handle) == TypeOrigin.ModuleCompilerGenerated
                || !_typesWithStaticConstructorReached.Add(handle))
            {
                return;
            }

            foreach (var method in _reader.GetTypeDefinition(handle).GetMethods())
            {
                if (_reader.StringComparer.Equals(_reader.GetMethodDefinition(method).Name, ".cctor"))
                {
                    ReachMethod(method);
                    return;
                }
            }
        }

        private TypeDefinitionHandle BaseTypeDefinitionOrNil(TypeDefinitionHandle handle) =>
            _identities.TryGetTypeDefinition(_reader.GetTypeDefinition(handle).BaseType, out var baseType) ? baseType : default;

        private TypeOrigin OriginOf(TypeDefinitionHandle handle)
        {
            var type = _reader.GetTypeDefinition(handle);
            // C# names what it generates with a '<', which no C# identifier can start with.
            var compilerGenerated = _reader.StringComparer.StartsWith(type.Name, "<");
            var declaringType = type.GetDeclaringType();
            if (declaringType.IsNil)
            {
                return compilerGenerated ? TypeOrigin.ModuleCompilerGenerated : TypeOrigin.UserCode;
            }

            var declaringOrigin = OriginOf(declaringType);
            return declaringOrigin == TypeOrigin.UserCode && compilerGenerated ? TypeOrigin.MethodCompilerGenerated : declaringOrigin;
        }

        private enum TypeOrigin
        {
            UserCode,

            /// <summary>A closure, lambda cache or state machine nested in a class: its code is the code of that
            /// class's methods, so it is covered whole whenever used.</summary>
            MethodCompilerGenerated,

            /// <summary>&lt;PrivateImplementationDetails&gt;, anonymous types and the like: shared by the whole
            /// assembly, so only the members used are covered, through their identities.</summary>
            ModuleCompilerGenerated,
        }
    }
}

/// <summary>The pipeline class named by a model is not in the built assembly.</summary>
internal sealed class PipelineTypeNotFoundException(string typeFullName, string assemblyPath, IReadOnlyList<string> candidates)
    : Exception(FormatMessage(typeFullName, assemblyPath, candidates))
{
    public string TypeFullName { get; } = typeFullName;
    public string AssemblyPath { get; } = assemblyPath;

    /// <summary>The full names of the classes of the assembly that implement an <c>IModelPipeline</c>.</summary>
    public IReadOnlyList<string> Candidates { get; } = candidates;

    private static string FormatMessage(string typeFullName, string assemblyPath, IReadOnlyList<string> candidates) =>
        $"The pipeline class '{typeFullName}' is not in '{assemblyPath}' (give its full name, namespace included). "
        + (candidates.Count == 0
            ? "No class of that assembly implements IModelPipeline."
            : "Classes of that assembly implementing IModelPipeline: " + string.Join(", ", candidates) + ".");
}

/// <summary>
/// Feeds values to the hash: numbers as fixed-size little-endian, strings and byte runs length-prefixed, so that
/// with the fixed layout of each record (see <see cref="CanonicalDefinitionWriter"/>) two different contents
/// never hash the same bytes, on any machine.
/// </summary>
internal sealed class FingerprintWriter
{
    private readonly XxHash128 _hash = new();

    public void Write(int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        _hash.Append(bytes);
    }

    public void Write(bool value) => Write(value ? 1 : 0);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Write(bytes.Length);
        _hash.Append(bytes);
    }

    /// <summary>As UTF-16 code units, not UTF-8: string literals may hold lone surrogates, which UTF-8 would
    /// replace and so confuse.</summary>
    public void Write(string value)
    {
        Write(value.Length);
        if (BitConverter.IsLittleEndian)
        {
            _hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
            return;
        }

        Span<byte> codeUnit = stackalloc byte[sizeof(char)];
        foreach (var character in value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(codeUnit, character);
            _hash.Append(codeUnit);
        }
    }

    public string ToHexString() => Convert.ToHexStringLower(_hash.GetCurrentHash());
}
