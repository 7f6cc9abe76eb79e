using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using MlBuild.Core.Fingerprints;

namespace MlBuild.Core.Tests.Fingerprints;

/// <summary>
/// The fingerprint walks IL with its own operand table (Reflection.Emit is not for reading IL); a wrong size would
/// misread every instruction after it. Checked against the runtime's own description of every opcode.
/// </summary>
public sealed class CanonicalILOperandTests
{
    public static TheoryData<string> EmitOpCodeNames()
    {
        var names = new TheoryData<string>();
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            // The "prefix" pseudo-opcodes are encoding bytes, not instructions.
            if (((OpCode)field.GetValue(null)!).OpCodeType != OpCodeType.Nternal)
            {
                names.Add(field.Name);
            }
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(EmitOpCodeNames))]
    public void The_operand_of_each_opcode_is_the_one_the_runtime_describes(string emitOpCodeName)
    {
        var opCode = (OpCode)typeof(OpCodes).GetField(emitOpCodeName)!.GetValue(null)!;
        var expected = opCode.OperandType switch
        {
            OperandType.InlineNone => ILOperandKind.None,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => ILOperandKind.Immediate1,
            OperandType.InlineVar => ILOperandKind.Immediate2,
            OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR => ILOperandKind.Immediate4,
            OperandType.InlineI8 or OperandType.InlineR => ILOperandKind.Immediate8,
            OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType
                or OperandType.InlineTok or OperandType.InlineSig => ILOperandKind.Token,
            OperandType.InlineString => ILOperandKind.UserString,
            OperandType.InlineSwitch => ILOperandKind.Switch,
            _ => throw new InvalidOperationException($"Unexpected operand type {opCode.OperandType}"),
        };

        var ilOpCode = (ILOpCode)(ushort)opCode.Value;
        Assert.True(Enum.IsDefined(ilOpCode), $"{opCode.Name} is not an ILOpCode");
        Assert.Equal(expected, CanonicalDefinitionWriter.OperandKindOf(ilOpCode));
    }

    [Fact]
    public void Every_ILOpCode_is_an_opcode_the_runtime_knows()
    {
        var emitOpCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (ushort)((OpCode)field.GetValue(null)!).Value)
            .ToHashSet();

        Assert.All(Enum.GetValues<ILOpCode>(), opCode => Assert.Contains((ushort)opCode, emitOpCodes));
    }
}
