using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;
using System.Text;

namespace MlBuild.Core.Fingerprints;

/// <summary>
/// Renders metadata entities of one assembly as text that identifies them by name and signature instead of by
/// row number. Metadata tokens are row numbers: adding an unrelated type or member shifts them, so the code
/// fingerprint hashes these texts in place of tokens.
/// </summary>
/// <remarks>
/// Also the <see cref="ISignatureTypeProvider{TType,TGenericContext}"/> that decodes signature blobs to the same
/// texts. Generic parameters are rendered by position (<c>!0</c> of the type, <c>!!0</c> of the method), which is
/// stable and needs no generic context. Each type definition of the assembly that a rendered text mentions is
/// reported to the callback given at construction, so the caller can decide what else its code depends on.
/// </remarks>
internal sealed class MetadataIdentities : ISignatureTypeProvider<string, object?>
{
    // Roslyn numbers anonymous types across the whole compilation (<>f__AnonymousType0, 1, …): an unrelated
    // anonymous type elsewhere can renumber the pipeline's. Their generic parameters carry the property names
    // (<Name>j__TPar), which identify them instead. (The rare <>f__AnonymousDelegateN, for lambdas with ref or
    // default parameters, keep their number: an unrelated one can cause a needless retrain.)
    private const string AnonymousTypePrefix = "<>f__AnonymousType";

    private readonly MetadataReader _reader;
    private readonly Action<TypeDefinitionHandle> _onTypeDefinitionMentioned;
    private readonly Dictionary<TypeDefinitionHandle, string> _typeDefinitionNames = [];
    private readonly Dictionary<TypeReferenceHandle, string> _typeReferenceNames = [];
    // Every type definition a cached text mentions was reported when the text was first rendered.
    private readonly Dictionary<EntityHandle, string> _renderedEntities = [];

    public MetadataIdentities(MetadataReader reader, Action<TypeDefinitionHandle> onTypeDefinitionMentioned)
    {
        _reader = reader;
        _onTypeDefinitionMentioned = onTypeDefinitionMentioned;
    }

    /// <summary>The identity of a type, member or signature token, as found in IL operands and metadata tables.</summary>
    public string Of(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return TypeDefinitionName((TypeDefinitionHandle)handle);
            case HandleKind.TypeReference:
                return TypeReferenceName((TypeReferenceHandle)handle);
            case HandleKind.ModuleReference:
                return "[module " + _reader.GetString(_reader.GetModuleReference((ModuleReferenceHandle)handle).Name) + "]";
        }

        if (_renderedEntities.TryGetValue(handle, out var cached))
        {
            return cached;
        }

        var rendered = handle.Kind switch
        {
            HandleKind.TypeSpecification =>
                _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            HandleKind.MethodDefinition => MethodDefinitionIdentity((MethodDefinitionHandle)handle),
            HandleKind.FieldDefinition => FieldDefinitionIdentity((FieldDefinitionHandle)handle),
            HandleKind.MemberReference => MemberReferenceIdentity((MemberReferenceHandle)handle),
            HandleKind.MethodSpecification => MethodSpecificationIdentity((MethodSpecificationHandle)handle),
            HandleKind.StandaloneSignature => StandaloneSignatureIdentity((StandaloneSignatureHandle)handle),
            // Not an operand kind of valid IL; the kind alone keeps the text free of row numbers.
            _ => "<" + handle.Kind + ">",
        };
        _renderedEntities[handle] = rendered;
        return rendered;
    }

    public string UserString(UserStringHandle handle) => _reader.GetUserString(handle);

    public ImmutableArray<string> LocalVariableTypes(StandaloneSignatureHandle handle) =>
        _reader.GetStandaloneSignature(handle).DecodeLocalSignature(this, null);

    public string TypeDefinitionName(TypeDefinitionHandle handle)
    {
        _onTypeDefinitionMentioned(handle);
        return TypeDefinitionNameUnreported(handle);
    }

    /// <summary>The declared type of a field.</summary>
    public string FieldType(FieldDefinition field) => field.DecodeSignature(this, null);

    /// <summary>The type and index parameters of a property.</summary>
    public string PropertySignature(PropertyDefinition property) =>
        FormatSignature(property.DecodeSignature(this, null), name: "");

    /// <summary>
    /// The type definition of <paramref name="type"/> when it is one of this assembly: a definition, or a generic
    /// instantiation of one (<c>Helper&lt;int&gt;</c>).
    /// </summary>
    public bool TryGetTypeDefinition(EntityHandle type, out TypeDefinitionHandle definition)
    {
        if (type.Kind == HandleKind.TypeDefinition)
        {
            definition = (TypeDefinitionHandle)type;
            return true;
        }

        if (type.Kind == HandleKind.TypeSpecification)
        {
            var blob = _reader.GetBlobReader(_reader.GetTypeSpecification((TypeSpecificationHandle)type).Signature);
            if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance
                && blob.ReadSignatureTypeCode() == SignatureTypeCode.TypeHandle
                && blob.ReadTypeHandle() is { Kind: HandleKind.TypeDefinition } generic)
            {
                definition = (TypeDefinitionHandle)generic;
                return true;
            }
        }

        definition = default;
        return false;
    }

    /// <summary>
    /// The method definition of this assembly that a call-like operand targets, seeing through generic
    /// instantiations (<c>Helper&lt;int&gt;.Run</c>, <c>Run&lt;int&gt;</c>).
    /// </summary>
    public bool TryResolveMethodDefinition(EntityHandle member, out MethodDefinitionHandle definition)
    {
        switch (member.Kind)
        {
            case HandleKind.MethodDefinition:
                definition = (MethodDefinitionHandle)member;
                return true;
            case HandleKind.MethodSpecification:
                return TryResolveMethodDefinition(_reader.GetMethodSpecification((MethodSpecificationHandle)member).Method, out definition);
            case HandleKind.MemberReference:
                var reference = _reader.GetMemberReference((MemberReferenceHandle)member);
                if (reference.GetKind() == MemberReferenceKind.Method)
                {
                    // A vararg call site references its method definition directly.
                    if (reference.Parent.Kind == HandleKind.MethodDefinition)
                    {
                        definition = (MethodDefinitionHandle)reference.Parent;
                        return true;
                    }

                    if (TryGetTypeDefinition(reference.Parent, out var declaringType))
                    {
                        return TryFindMethod(declaringType, reference, out definition);
                    }
                }

                break;
        }

        definition = default;
        return false;
    }

    /// <summary>The type definition of this assembly declaring the field an operand refers to.</summary>
    public bool TryGetFieldDeclaringType(EntityHandle member, out TypeDefinitionHandle declaringType)
    {
        if (member.Kind == HandleKind.FieldDefinition)
        {
            declaringType = _reader.GetFieldDefinition((FieldDefinitionHandle)member).GetDeclaringType();
            return true;
        }

        if (member.Kind == HandleKind.MemberReference)
        {
            var reference = _reader.GetMemberReference((MemberReferenceHandle)member);
            if (reference.GetKind() == MemberReferenceKind.Field)
            {
                return TryGetTypeDefinition(reference.Parent, out declaringType);
            }
        }

        declaringType = default;
        return false;
    }

    private bool TryFindMethod(TypeDefinitionHandle declaringType, MemberReference reference, out MethodDefinitionHandle definition)
    {
        var name = _reader.GetString(reference.Name);
        string? referenceSignature = null;
        foreach (var candidate in _reader.GetTypeDefinition(declaringType).GetMethods())
        {
            var method = _reader.GetMethodDefinition(candidate);
            if (!_reader.StringComparer.Equals(method.Name, name))
            {
                continue;
            }

            // Overloads: a reference through a generic instantiation has the signature of the definition (type
            // parameters as !0…), so the decoded texts compare equal.
            referenceSignature ??= FormatSignature(reference.DecodeMethodSignature(this, null), name);
            if (FormatSignature(method.DecodeSignature(this, null), name) == referenceSignature)
            {
                definition = candidate;
                return true;
            }
        }

        definition = default;
        return false;
    }

    private string TypeDefinitionNameUnreported(TypeDefinitionHandle handle)
    {
        if (_typeDefinitionNames.TryGetValue(handle, out var cached))
        {
            return cached;
        }

        var type = _reader.GetTypeDefinition(handle);
        var name = _reader.GetString(type.Name);
        var declaringType = type.GetDeclaringType();
        string fullName;
        if (!declaringType.IsNil)
        {
            fullName = TypeDefinitionNameUnreported(declaringType) + "/" + name;
        }
        else if (name.StartsWith(AnonymousTypePrefix, StringComparison.Ordinal))
        {
            fullName = AnonymousTypeName(type);
        }
        else
        {
            fullName = Qualify(_reader.GetString(type.Namespace), name);
        }

        _typeDefinitionNames[handle] = fullName;
        return fullName;
    }

    private string AnonymousTypeName(TypeDefinition type)
    {
        var properties = type.GetGenericParameters()
            .Select(parameter => _reader.GetString(_reader.GetGenericParameter(parameter).Name));
        return AnonymousTypePrefix + "{" + string.Join(",", properties) + "}";
    }

    private string TypeReferenceName(TypeReferenceHandle handle)
    {
        if (_typeReferenceNames.TryGetValue(handle, out var cached))
        {
            return cached;
        }

        // The assembly a reference resolves to is left out on purpose: its version is not the pipeline's code.
        var reference = _reader.GetTypeReference(handle);
        var name = _reader.GetString(reference.Name);
        var fullName = reference.ResolutionScope.Kind == HandleKind.TypeReference
            ? TypeReferenceName((TypeReferenceHandle)reference.ResolutionScope) + "/" + name
            : Qualify(_reader.GetString(reference.Namespace), name);
        _typeReferenceNames[handle] = fullName;
        return fullName;
    }

    private string MethodDefinitionIdentity(MethodDefinitionHandle handle)
    {
        var method = _reader.GetMethodDefinition(handle);
        var name = TypeDefinitionName(method.GetDeclaringType()) + "::" + _reader.GetString(method.Name);
        return FormatSignature(method.DecodeSignature(this, null), name);
    }

    private string FieldDefinitionIdentity(FieldDefinitionHandle handle)
    {
        var field = _reader.GetFieldDefinition(handle);
        return FieldType(field) + " " + TypeDefinitionName(field.GetDeclaringType()) + "::" + _reader.GetString(field.Name);
    }

    private string MemberReferenceIdentity(MemberReferenceHandle handle)
    {
        var reference = _reader.GetMemberReference(handle);
        var name = Of(reference.Parent) + "::" + _reader.GetString(reference.Name);
        return reference.GetKind() == MemberReferenceKind.Field
            ? reference.DecodeFieldSignature(this, null) + " " + name
            : FormatSignature(reference.DecodeMethodSignature(this, null), name);
    }

    private string MethodSpecificationIdentity(MethodSpecificationHandle handle)
    {
        var specification = _reader.GetMethodSpecification(handle);
        var typeArguments = specification.DecodeSignature(this, null);
        return Of(specification.Method) + "<" + string.Join(",", typeArguments) + ">";
    }

    private string StandaloneSignatureIdentity(StandaloneSignatureHandle handle)
    {
        var signature = _reader.GetStandaloneSignature(handle);
        return signature.GetKind() == StandaloneSignatureKind.Method
            ? FormatSignature(signature.DecodeMethodSignature(this, null), name: "")
            : "locals(" + string.Join(",", signature.DecodeLocalSignature(this, null)) + ")";
    }

    private static string FormatSignature(MethodSignature<string> signature, string name)
    {
        var text = new StringBuilder();
        text.Append(signature.Header.CallingConvention.ToString()).Append(' ');
        if (signature.Header.IsInstance)
        {
            text.Append(signature.Header.HasExplicitThis ? "explicit instance " : "instance ");
        }

        text.Append(signature.ReturnType).Append(' ').Append(name);
        if (signature.GenericParameterCount > 0)
        {
            text.Append('`').Append(signature.GenericParameterCount);
        }

        text.Append('(');
        for (var i = 0; i < signature.ParameterTypes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            // Vararg call sites: the arguments past the required ones follow a sentinel.
            if (i == signature.RequiredParameterCount)
            {
                text.Append("...,");
            }

            text.Append(signature.ParameterTypes[i]);
        }

        return text.Append(')').ToString();
    }

    private static string Qualify(string @namespace, string name) =>
        @namespace.Length == 0 ? name : @namespace + "." + name;

    // ISignatureTypeProvider: the text of each kind of type a signature blob can contain.

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        TypeDefinitionName(handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        TypeReferenceName(handle);

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        Of(handle);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape)
    {
        var dimensions = new string[shape.Rank];
        for (var i = 0; i < shape.Rank; i++)
        {
            var lowerBound = i < shape.LowerBounds.Length ? shape.LowerBounds[i].ToString(CultureInfo.InvariantCulture) : "";
            var size = i < shape.Sizes.Length ? shape.Sizes[i].ToString(CultureInfo.InvariantCulture) : "";
            dimensions[i] = lowerBound + ".." + size;
        }

        return elementType + "[" + string.Join(",", dimensions) + "]";
    }

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType + "<" + string.Join(",", typeArguments) + ">";

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + FormatSignature(signature, name: "*");
}
