using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace MlBuild.Core.Fingerprints;

/// <summary>
/// Writes type, member and method-body definitions to a fingerprint in a form that depends on their content only:
/// every reference to another entity is written as its <see cref="MetadataIdentities"/> text, never as a row
/// number, and lists whose metadata order is not their declaration order (attributes, interfaces) are sorted.
/// Each record starts with a tag that fixes its layout, its lists are counted, and the member records of a type
/// end with a tag of their own: so records never run into each other.
/// </summary>
internal sealed class CanonicalDefinitionWriter(
    PEReader peReader,
    MetadataReader reader,
    MetadataIdentities identities,
    FingerprintWriter writer,
    Action<EntityHandle> onTokenOperand)
{
    // Indexed by the opcode byte; two-byte opcodes (0xFE xx) by their second byte.
    private static readonly ILOperandKind[] OneByteOpCodeOperands = BuildOperandTable(twoByteOpCodes: false);
    private static readonly ILOperandKind[] TwoByteOpCodeOperands = BuildOperandTable(twoByteOpCodes: true);
    private const byte TwoByteOpCodePrefix = 0xFE;
    private const string EndOfMembers = "end";

    /// <summary>The type's definition and all its members, method bodies included (not its nested types).</summary>
    public void WriteWholeType(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        writer.Write("type");
        WriteTypeHeader(handle, type);

        var explicitImplementations = new List<string>();
        foreach (var implementationHandle in type.GetMethodImplementations())
        {
            var implementation = reader.GetMethodImplementation(implementationHandle);
            explicitImplementations.Add(identities.Of(implementation.MethodBody) + " implements " + identities.Of(implementation.MethodDeclaration));
        }

        WriteSorted(explicitImplementations);
        foreach (var field in type.GetFields())
        {
            WriteField(field);
        }

        foreach (var method in type.GetMethods())
        {
            WriteMethod(method);
        }

        foreach (var property in type.GetProperties())
        {
            WriteProperty(property);
        }

        foreach (var @event in type.GetEvents())
        {
            WriteEvent(@event);
        }

        writer.Write(EndOfMembers);
    }

    /// <summary>
    /// What reflection over a data class sees: its definition, attributes, instance fields and instance
    /// properties (ML.NET derives schemas from them). Not its methods, nor its static members.
    /// </summary>
    public void WriteShape(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        writer.Write("shape");
        WriteTypeHeader(handle, type);
        foreach (var field in type.GetFields())
        {
            if ((reader.GetFieldDefinition(field).Attributes & FieldAttributes.Static) == 0)
            {
                WriteField(field);
            }
        }

        foreach (var property in type.GetProperties())
        {
            if (reader.GetPropertyDefinition(property).DecodeSignature(identities, null).Header.IsInstance)
            {
                WriteProperty(property);
            }
        }

        writer.Write(EndOfMembers);
    }

    public void WriteMethod(MethodDefinitionHandle handle)
    {
        var method = reader.GetMethodDefinition(handle);
        writer.Write("method");
        writer.Write(identities.Of(handle));
        writer.Write((int)method.Attributes);
        writer.Write((int)method.ImplAttributes);
        WriteGenericParameters(method.GetGenericParameters());

        var parameters = method.GetParameters();
        writer.Write(parameters.Count);
        foreach (var parameterHandle in parameters)
        {
            var parameter = reader.GetParameter(parameterHandle);
            writer.Write(parameter.SequenceNumber);
            writer.Write(reader.GetString(parameter.Name));
            writer.Write((int)parameter.Attributes);
            WriteConstant(parameter.GetDefaultValue());
            WriteBlob(parameter.GetMarshallingDescriptor());
            WriteCustomAttributes(parameter.GetCustomAttributes());
        }

        WriteCustomAttributes(method.GetCustomAttributes());

        var import = method.GetImport();
        writer.Write(import.Module.IsNil
            ? ""
            : reader.GetString(reader.GetModuleReference(import.Module).Name) + "!" + reader.GetString(import.Name) + " " + (int)import.Attributes);

        writer.Write(method.RelativeVirtualAddress != 0);
        if (method.RelativeVirtualAddress != 0)
        {
            WriteBody(peReader.GetMethodBody(method.RelativeVirtualAddress));
        }
    }

    private void WriteTypeHeader(TypeDefinitionHandle handle, TypeDefinition type)
    {
        writer.Write(identities.TypeDefinitionName(handle));
        writer.Write((int)type.Attributes);
        writer.Write(type.BaseType.IsNil ? "" : identities.Of(type.BaseType));

        var interfaces = new List<string>();
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            interfaces.Add(identities.Of(reader.GetInterfaceImplementation(implementation).Interface));
        }

        WriteSorted(interfaces);
        WriteGenericParameters(type.GetGenericParameters());
        var layout = type.GetLayout();
        writer.Write(layout.PackingSize);
        writer.Write(layout.Size);
        WriteCustomAttributes(type.GetCustomAttributes());
    }

    private void WriteField(FieldDefinitionHandle handle)
    {
        var field = reader.GetFieldDefinition(handle);
        writer.Write("field");
        writer.Write(identities.Of(handle));
        writer.Write((int)field.Attributes);
        WriteConstant(field.GetDefaultValue());
        writer.Write(field.GetOffset());
        WriteBlob(field.GetMarshallingDescriptor());
        WriteInitialData(field);
        WriteCustomAttributes(field.GetCustomAttributes());
    }

    private void WriteProperty(PropertyDefinitionHandle handle)
    {
        var property = reader.GetPropertyDefinition(handle);
        writer.Write("property");
        writer.Write(reader.GetString(property.Name));
        writer.Write((int)property.Attributes);
        writer.Write(identities.PropertySignature(property));
        var accessors = property.GetAccessors();
        WriteAccessors(accessors.Getter, accessors.Setter, default, accessors.Others);
        WriteConstant(property.GetDefaultValue());
        WriteCustomAttributes(property.GetCustomAttributes());
    }

    private void WriteEvent(EventDefinitionHandle handle)
    {
        var @event = reader.GetEventDefinition(handle);
        writer.Write("event");
        writer.Write(reader.GetString(@event.Name));
        writer.Write((int)@event.Attributes);
        writer.Write(identities.Of(@event.Type));
        var accessors = @event.GetAccessors();
        WriteAccessors(accessors.Adder, accessors.Remover, accessors.Raiser, accessors.Others);
        WriteCustomAttributes(@event.GetCustomAttributes());
    }

    private void WriteAccessors(MethodDefinitionHandle first, MethodDefinitionHandle second, MethodDefinitionHandle third, IEnumerable<MethodDefinitionHandle> others)
    {
        writer.Write(first.IsNil ? "" : identities.Of(first));
        writer.Write(second.IsNil ? "" : identities.Of(second));
        writer.Write(third.IsNil ? "" : identities.Of(third));
        WriteSorted(others.Select(other => identities.Of(other)).ToList());
    }

    private void WriteGenericParameters(GenericParameterHandleCollection parameters)
    {
        writer.Write(parameters.Count);
        foreach (var parameterHandle in parameters)
        {
            var parameter = reader.GetGenericParameter(parameterHandle);
            writer.Write(reader.GetString(parameter.Name));
            writer.Write((int)parameter.Attributes);
            WriteSorted(parameter.GetConstraints()
                .Select(constraint => identities.Of(reader.GetGenericParameterConstraint(constraint).Type))
                .ToList());
            WriteCustomAttributes(parameter.GetCustomAttributes());
        }
    }

    private void WriteCustomAttributes(CustomAttributeHandleCollection attributes)
    {
        var rendered = new List<string>(attributes.Count);
        foreach (var attributeHandle in attributes)
        {
            // The value blob holds no tokens (type arguments are serialized by name), so it is hashed as it is.
            var attribute = reader.GetCustomAttribute(attributeHandle);
            rendered.Add(identities.Of(attribute.Constructor) + "(" + Convert.ToHexString(reader.GetBlobContent(attribute.Value).AsSpan()) + ")");
        }

        WriteSorted(rendered);
    }

    private void WriteConstant(ConstantHandle handle)
    {
        if (handle.IsNil)
        {
            writer.Write(-1);
            return;
        }

        var constant = reader.GetConstant(handle);
        writer.Write((int)constant.TypeCode);
        WriteBlob(constant.Value);
    }

    private void WriteBlob(BlobHandle handle) =>
        writer.Write(handle.IsNil ? [] : reader.GetBlobContent(handle).AsSpan());

    /// <summary>
    /// The data of a field initialized from the image, as the compiler makes for array and UTF-8 literals (that
    /// <c>ldtoken</c> hands to InitializeArray or CreateSpan); empty for other fields.
    /// </summary>
    private void WriteInitialData(FieldDefinition field)
    {
        if ((field.Attributes & FieldAttributes.HasFieldRVA) == 0)
        {
            writer.Write([]);
            return;
        }

        var size = InitialDataSize(field);
        var data = peReader.GetSectionData(field.GetRelativeVirtualAddress());
        writer.Write(size > 0 && size <= data.Length ? data.GetContent(0, size).AsSpan() : []);
    }

    /// <summary>The size of the field's type: a primitive, or a value type of explicit size (all the compiler uses).</summary>
    private int InitialDataSize(FieldDefinition field)
    {
        var signature = reader.GetBlobReader(field.Signature);
        signature.ReadSignatureHeader();
        return signature.ReadSignatureTypeCode() switch
        {
            SignatureTypeCode.Boolean or SignatureTypeCode.SByte or SignatureTypeCode.Byte => 1,
            SignatureTypeCode.Char or SignatureTypeCode.Int16 or SignatureTypeCode.UInt16 => 2,
            SignatureTypeCode.Int32 or SignatureTypeCode.UInt32 or SignatureTypeCode.Single => 4,
            SignatureTypeCode.Int64 or SignatureTypeCode.UInt64 or SignatureTypeCode.Double => 8,
            SignatureTypeCode.TypeHandle when signature.ReadTypeHandle() is { Kind: HandleKind.TypeDefinition } type =>
                reader.GetTypeDefinition((TypeDefinitionHandle)type).GetLayout().Size,
            _ => 0,
        };
    }

    private void WriteSorted(List<string> values)
    {
        values.Sort(StringComparer.Ordinal);
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private void WriteBody(MethodBodyBlock body)
    {
        writer.Write(body.MaxStack);
        writer.Write(body.LocalVariablesInitialized);

        var localTypes = body.LocalSignature.IsNil ? [] : identities.LocalVariableTypes(body.LocalSignature);
        writer.Write(localTypes.Length);
        foreach (var localType in localTypes)
        {
            writer.Write(localType);
        }

        writer.Write(body.ExceptionRegions.Length);
        foreach (var region in body.ExceptionRegions)
        {
            writer.Write((int)region.Kind);
            writer.Write(region.TryOffset);
            writer.Write(region.TryLength);
            writer.Write(region.HandlerOffset);
            writer.Write(region.HandlerLength);
            writer.Write(region.FilterOffset);
            writer.Write(region.CatchType.IsNil ? "" : identities.Of(region.CatchType));
        }

        WriteInstructions(body.GetILContent().AsSpan());
    }

    /// <summary>
    /// The IL, opcode by opcode, with each token operand replaced by its identity (and each <c>ldstr</c> by its
    /// string). Opcodes and immediate operands are written in runs of raw bytes, cut at each token.
    /// </summary>
    private void WriteInstructions(ReadOnlySpan<byte> il)
    {
        var runStart = 0;
        var offset = 0;
        while (offset < il.Length)
        {
            var operand = ReadOpCode(il, ref offset);
            var operandSize = operand switch
            {
                ILOperandKind.None => 0,
                ILOperandKind.Immediate1 => 1,
                ILOperandKind.Immediate2 => 2,
                ILOperandKind.Immediate4 or ILOperandKind.Token or ILOperandKind.UserString => 4,
                ILOperandKind.Immediate8 => 8,
                ILOperandKind.Switch when il.Length - offset >= 4 =>
                    4 + 4L * BinaryPrimitives.ReadUInt32LittleEndian(il[offset..]),
                _ => long.MaxValue,
            };

            // An undefined opcode or a truncated operand: the rest of the body goes in as raw bytes, which keeps
            // the hash sensitive to it (only no longer independent of unrelated row numbers).
            if (operandSize > il.Length - offset)
            {
                break;
            }

            if (operand is ILOperandKind.Token or ILOperandKind.UserString)
            {
                writer.Write(il[runStart..offset]);
                var token = BinaryPrimitives.ReadInt32LittleEndian(il[offset..]);
                if (operand == ILOperandKind.UserString)
                {
                    writer.Write(identities.UserString(MetadataTokens.UserStringHandle(token & 0x00FFFFFF)));
                }
                else
                {
                    var handle = MetadataTokens.EntityHandle(token);
                    writer.Write(identities.Of(handle));
                    if (handle.Kind == HandleKind.FieldDefinition)
                    {
                        // The data of array and UTF-8 literals, in fields of <PrivateImplementationDetails> that
                        // no other record covers (their names are content hashes too, but only by convention).
                        WriteInitialData(reader.GetFieldDefinition((FieldDefinitionHandle)handle));
                    }

                    onTokenOperand(handle);
                }

                runStart = offset + 4;
            }

            offset += (int)operandSize;
        }

        writer.Write(il[runStart..]);
    }

    private static ILOperandKind ReadOpCode(ReadOnlySpan<byte> il, ref int offset)
    {
        var first = il[offset++];
        if (first != TwoByteOpCodePrefix)
        {
            return OneByteOpCodeOperands[first];
        }

        return offset < il.Length ? TwoByteOpCodeOperands[il[offset++]] : ILOperandKind.Undefined;
    }

    /// <summary>The operand of an opcode; <see cref="ILOperandKind.None"/> for the many that have none.</summary>
    internal static ILOperandKind OperandKindOf(ILOpCode opCode)
    {
        if (opCode.IsBranch())
        {
            return opCode.GetBranchOperandSize() == 1 ? ILOperandKind.Immediate1 : ILOperandKind.Immediate4;
        }

        return opCode switch
        {
            ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s
                or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s
                or ILOpCode.Ldc_i4_s or ILOpCode.Unaligned => ILOperandKind.Immediate1,
            ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg
                or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => ILOperandKind.Immediate2,
            ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 => ILOperandKind.Immediate4,
            ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => ILOperandKind.Immediate8,
            ILOpCode.Ldstr => ILOperandKind.UserString,
            ILOpCode.Switch => ILOperandKind.Switch,
            ILOpCode.Jmp or ILOpCode.Call or ILOpCode.Calli or ILOpCode.Callvirt or ILOpCode.Newobj
                or ILOpCode.Ldftn or ILOpCode.Ldvirtftn
                or ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld
                or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld
                or ILOpCode.Cpobj or ILOpCode.Ldobj or ILOpCode.Stobj or ILOpCode.Initobj or ILOpCode.Sizeof
                or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Box or ILOpCode.Unbox or ILOpCode.Unbox_any
                or ILOpCode.Newarr or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem
                or ILOpCode.Mkrefany or ILOpCode.Refanyval or ILOpCode.Ldtoken or ILOpCode.Constrained => ILOperandKind.Token,
            _ => ILOperandKind.None,
        };
    }

    private static ILOperandKind[] BuildOperandTable(bool twoByteOpCodes)
    {
        // Bytes that are no opcode stay Undefined.
        var table = new ILOperandKind[256];
        foreach (var opCode in Enum.GetValues<ILOpCode>())
        {
            var value = (ushort)opCode;
            if (value > 0xFF == twoByteOpCodes)
            {
                table[value & 0xFF] = OperandKindOf(opCode);
            }
        }

        return table;
    }
}

/// <summary>What follows an IL opcode, as far as the fingerprint is concerned.</summary>
internal enum ILOperandKind : byte
{
    /// <summary>Not an opcode that ECMA-335 (as System.Reflection.Metadata knows it) defines.</summary>
    Undefined,
    None,
    /// <summary>Immediate bytes hashed as they are: constants, argument and local indexes, prefix arguments, and
    /// relative branch offsets (relative, so they change only when the body itself does).</summary>
    Immediate1,
    Immediate2,
    Immediate4,
    Immediate8,
    /// <summary>A metadata token of a type, member or stand-alone signature (calli): hashed as its identity.</summary>
    Token,
    /// <summary>A user-string token (ldstr): hashed as the string itself.</summary>
    UserString,
    /// <summary>A 4-byte count n, then n 4-byte relative branch offsets.</summary>
    Switch,
}
