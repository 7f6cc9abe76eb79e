using System.Globalization;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Data.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace MlBuild.Data.Tests.Reading;

/// <summary>Parquet files written here with Parquet.Net's low-level writer, read through <see cref="DataSource"/> as
/// any data file is: found by their magic bytes, columns named by the file, values by type, nulls missing, a record's
/// line its row.</summary>
public sealed class ParquetReaderTests
{
    private static readonly DataFileFormat Plain = new(BothReaders.Item);

    private static readonly DataField<int> Int = new("i");
    private static readonly DataField<long?> Long = new("l");
    private static readonly DataField<float> Float = new("f");
    private static readonly DataField<double?> Double = new("d");
    private static readonly DecimalDataField Decimal = new("m", 10, 3, isNullable: true);
    private static readonly DataField<bool?> Bool = new("b");
    private static readonly DataField<string> Text = new("s", nullable: true);
    private static readonly DataField<DateTime?> Date = new("t");

    // Three row groups of 2, 3 and 1 rows; a null in every nullable column.
    private static readonly int[][] Groups = [[0, 1], [2, 3, 4], [5]];
    private static readonly int[] Ints = [1, -2, 3, 2147483647, 0, 42];
    private static readonly long?[] Longs = [10, null, 9007199254740993, -5, 0, 7];
    private static readonly float[] Floats = [0.1f, float.MaxValue, float.Epsilon, -0f, 1.5f, 16777217f];
    private static readonly double?[] Doubles = [0.1, 1e300, null, -2.5, double.NaN, 1e-320];
    private static readonly decimal?[] Decimals = [1.5m, -2.125m, null, 0m, 1234567.891m, 0.001m];
    private static readonly bool?[] Bools = [true, false, null, true, false, true];
    private static readonly string?[] Texts = ["red", "green", null, "red", "", "blue"];
    private static readonly DateTime?[] Dates =
    [
        new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified), null, new DateTime(2000, 2, 29, 0, 0, 0, DateTimeKind.Unspecified),
        new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Unspecified), new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Unspecified),
        new DateTime(2030, 6, 1, 12, 0, 0, DateTimeKind.Unspecified),
    ];

    private static async Task<string> WriteAll(TestDirectory temp, string name = "data.parquet")
    {
        var path = temp.File(name);
        var schema = new ParquetSchema(Int, Long, Float, Double, Decimal, Bool, Text, Date);
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            foreach (var rows in Groups)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<int>(Int, rows.Select(r => Ints[r]).ToArray());
                await group.WriteAsync<long>(Long, rows.Select(r => Longs[r]).ToArray());
                await group.WriteAsync<float>(Float, rows.Select(r => Floats[r]).ToArray());
                await group.WriteAsync<double>(Double, rows.Select(r => Doubles[r]).ToArray());
                await group.WriteAsync<decimal>(Decimal, rows.Select(r => Decimals[r]).ToArray());
                await group.WriteAsync<bool>(Bool, rows.Select(r => Bools[r]).ToArray());
                await group.WriteAsync(Text, rows.Select(r => Texts[r]).ToArray()!);
                await group.WriteAsync<DateTime>(Date, rows.Select(r => Dates[r]).ToArray());
            }
        }
        return path;
    }

    private static async Task<string> WriteOne<T>(TestDirectory temp, DataField field, T?[] values, string name = "one.parquet")
        where T : struct
    {
        var path = temp.File(name);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<T>(field, values);
        return path;
    }

    [Fact]
    public async Task A_Parquet_file_is_found_by_its_magic_bytes_and_names_its_columns()
    {
        using var temp = new TestDirectory();
        // Whatever its name: the content says what it is.
        var path = await WriteAll(temp, "data.csv");

        var source = DataSource.Open(path, Plain);

        Assert.Equal(DataFileKind.Parquet, source.Layout.Kind);
        Assert.Equal(["i", "l", "f", "d", "m", "b", "s", "t"], source.Layout.ColumnNames);
        Assert.True(source.Layout.Header.HasHeader);
        Assert.Equal(0, source.Layout.HeaderLine);
        Assert.Equal('\0', source.Layout.Separator);
        Assert.Equal(6, source.Sample.Count);
        Assert.True(source.SampleIsWholeFile);
        Assert.Contains("(Parquet)", source.Layout.Describe(6));
    }

    [Fact]
    public async Task Columns_get_kinds_by_the_rules_of_delimited_files()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(await WriteAll(temp), Plain);

        var columns = SampledKinds.Infer(source).Columns;

        Assert.Equal(
            [ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric,
             ColumnKind.Categorical, ColumnKind.Categorical, ColumnKind.Text],
            columns.Select(c => c.Kind));
        Assert.Equal([false, true, false, true, true, true, true, true], columns.Select(c => c.HasMissing));
    }

    [Fact]
    public async Task Values_are_read_by_type_rows_numbered_across_row_groups_and_nulls_are_missing()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(await WriteAll(temp), Plain);

        using var records = source.OpenRecords();
        for (var row = 0; row < Ints.Length; row++)
        {
            Assert.True(records.MoveNext());
            Assert.Equal(row + 1, records.Line);
            Assert.Equal(8, records.FieldCount);
            AssertNumber(records, 0, Ints[row]);
            AssertNumber(records, 1, Longs[row]);
            AssertNumber(records, 2, Floats[row]);
            AssertNumber(records, 3, Doubles[row]);
            AssertNumber(records, 4, (double?)Decimals[row]);

            Assert.Equal(Bools[row] is null, records.IsMissing(5));
            Assert.Equal(Bools[row] is not null, records.TryGetBoolean(5, out var flag));
            Assert.Equal(Bools[row] ?? false, flag);
            Assert.Equal(Bools[row] switch { true => "true", false => "false", null => "" }, records.Text(5).ToString());
            Assert.False(records.TryGetDouble(5, out _) && Bools[row] is not null);

            Assert.Equal(string.IsNullOrEmpty(Texts[row]), records.IsMissing(6));
            Assert.Equal(Texts[row] ?? "", records.Text(6).ToString());
            Assert.Equal(Texts[row] ?? "", records.TextMemory(6).ToString());

            Assert.Equal(Dates[row] is null, records.IsMissing(7));
            Assert.Equal(Dates[row]?.ToString("O", CultureInfo.InvariantCulture) ?? "", records.Text(7).ToString());
        }
        Assert.False(records.MoveNext());
    }

    [Fact]
    public async Task The_sample_is_the_start_of_a_full_pass_as_text()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(await WriteAll(temp), Plain);

        using var records = source.OpenRecords();
        foreach (var sampled in source.Sample)
        {
            Assert.True(records.MoveNext());
            Assert.Equal(records.Line, sampled.Line);
            Assert.Equal(Enumerable.Range(0, records.FieldCount).Select(i => records.IsMissing(i) ? "" : records.Text(i).ToString()),
                sampled.Fields);
        }
    }

    [Fact]
    public async Task Numbers_read_back_as_the_text_they_are_shown_as()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(await WriteAll(temp), Plain);

        using var records = source.OpenRecords();
        while (records.MoveNext())
            for (var field = 0; field < 5; field++)
            {
                if (records.IsMissing(field))
                    continue;
                Assert.True(records.TryGetDouble(field, out var value));
                Assert.True(Values.TryParseNumber(records.Text(field), out double fromText));
                Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(fromText));
            }
    }

    [Fact]
    public async Task A_training_pass_over_a_Parquet_file_counts_its_rows_and_missing_values()
    {
        using var temp = new TestDirectory();
        var source = DataSource.Open(await WriteAll(temp), Plain);

        // The label is the decimal column, null on row 3.
        using var scan = TrainingFileScan.Run(source, SampledKinds.Infer(source, 4), 4, classification: false,
            keyColumns: null, indexKeys: false, profile: true, progress: null);

        Assert.Equal(5, scan.Rows);
        Assert.Equal([3], scan.Unlabeled.Lines);
        Assert.True(scan.Columns[1].HasMissing);
        // A NaN is a number, not a missing value, as "NaN" is in a delimited file; the null was on the unlabeled row.
        Assert.Equal(ColumnKind.Numeric, scan.Columns[3].Kind);
        Assert.False(scan.Columns[3].HasMissing);
        scan.ThrowIfBadValues(scan.Columns);
    }

    [Fact]
    public async Task Columns_rename_the_file_s_columns_in_order()
    {
        using var temp = new TestDirectory();
        var path = await WriteAll(temp);
        string[] names = ["a", "b", "c", "d", "e", "f", "g", "h"];

        Assert.Equal(names, DataSource.Open(path, Plain with { ColumnNames = names }).Layout.ColumnNames);
        var error = Assert.Throws<MlbException>(() => DataSource.Open(path, Plain with { ColumnNames = ["a"] })).First;
        Assert.Equal((MlbCodes.WrongFieldCount, BothReaders.Item), (error.Code, error.At));
    }

    [Fact]
    public async Task A_test_file_s_columns_are_found_by_name_in_any_order()
    {
        using var temp = new TestDirectory();
        var trainPath = await WriteAll(temp, "train.parquet");
        var train = DataSource.Open(trainPath, Plain).Layout;
        var testPath = temp.File("test.parquet");
        DataField<string> s = new("S", nullable: true);
        DataField<double> d = new("d");
        var schema = new ParquetSchema(new DataField<int>("unused"), s, d, Int, Long, Float, Decimal, Bool, Date);
        await using (var stream = File.Create(testPath))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>((DataField)schema.DataFields[0], new[] { 9 });
            await group.WriteAsync(s, new[] { "blue" });
            await group.WriteAsync<double>(d, new[] { 2.5 });
            await group.WriteAsync<int>(Int, new[] { 4 });
            await group.WriteAsync<long>(Long, new long?[] { 5 });
            await group.WriteAsync<float>(Float, new[] { 6f });
            await group.WriteAsync<decimal>(Decimal, new decimal?[] { 7m });
            await group.WriteAsync<bool>(Bool, new bool?[] { true });
            await group.WriteAsync<DateTime>(Date, new DateTime?[] { null });
        }

        var test = DataSource.Open(testPath, Plain with { Reference = train, Label = "m" });

        Assert.Equal(train.ColumnNames, test.Layout.ColumnNames);
        Assert.Equal(["4", "5", "6", "2.5", "7", "true", "blue", ""], test.Sample.Single().Fields);
    }

    [Fact]
    public async Task A_test_file_without_a_training_column_is_reported_and_without_the_label_as_a_missing_label()
    {
        using var temp = new TestDirectory();
        var train = DataSource.Open(await WriteAll(temp, "train.parquet"), Plain).Layout;
        var test = await WriteOne(temp, Int, new int?[] { 1, 2 }, "test.parquet");

        var noLabel = Assert.Throws<MlbException>(() => DataSource.Open(test, Plain with { Reference = train, Label = "m" })).First;
        var noFeature = Assert.Throws<MlbException>(() => DataSource.Open(test, Plain with { Reference = train, Label = "i" })).First;

        Assert.Equal((MlbCodes.LabelNotFound, new Location(test)), (noLabel.Code, noLabel.At));
        Assert.Equal((MlbCodes.WrongFieldCount, new Location(test)), (noFeature.Code, noFeature.At));
        Assert.Contains("'l', 'f', 'd'", noFeature.Message);
    }

    [Fact]
    public async Task Required_columns_of_every_integer_width_are_numbers()
    {
        using var temp = new TestDirectory();
        var paths = new[]
        {
            await WriteOne(temp, new DataField<short>("x"), new short?[] { -3, 4 }, "short.parquet"),
            await WriteOne(temp, new DataField<byte>("x"), new byte?[] { 3, 4 }, "byte.parquet"),
            await WriteOne(temp, new DataField<sbyte>("x"), new sbyte?[] { -3, 4 }, "sbyte.parquet"),
            await WriteOne(temp, new DataField<ushort>("x"), new ushort?[] { 3, 4 }, "ushort.parquet"),
            await WriteOne(temp, new DataField<uint>("x"), new uint?[] { 3, 4 }, "uint.parquet"),
            await WriteOne(temp, new DataField<ulong>("x"), new ulong?[] { 3, 4 }, "ulong.parquet"),
        };

        foreach (var path in paths)
        {
            var source = DataSource.Open(path, Plain);
            Assert.Equal(ColumnKind.Numeric, SampledKinds.Infer(source).Columns[0].Kind);
            Assert.Equal(4, double.Parse(source.Sample[1].Fields[0], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_column_of_bytes_is_an_unsupported_column_at_the_file()
    {
        using var temp = new TestDirectory();
        var path = temp.File("bytes.parquet");
        DataField<byte[]> bytes = new("blob");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(bytes), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(bytes, new[] { new byte[] { 1, 2 } });
        }

        var error = Assert.Throws<MlbException>(() => DataSource.Open(path, Plain)).First;

        Assert.Equal((MlbCodes.UnsupportedColumn, new Location(path)), (error.Code, error.At));
        Assert.Contains("'blob'", error.Message);
    }

    [Fact]
    public void A_file_that_starts_like_Parquet_but_is_not_is_an_unsupported_file()
    {
        using var temp = new TestDirectory();
        var path = temp.Write("broken.parquet", "PAR1 but nothing after it that a reader could use");

        var error = Assert.Throws<MlbException>(() => DataSource.Open(path, Plain)).First;

        Assert.Equal((MlbCodes.UnsupportedColumn, new Location(path)), (error.Code, error.At));
    }

    [Fact]
    public async Task A_Parquet_file_without_rows_is_empty()
    {
        using var temp = new TestDirectory();
        var path = await WriteOne(temp, Int, Array.Empty<int?>());

        var error = Assert.Throws<MlbException>(() => DataSource.Open(path, Plain)).First;

        Assert.Equal((MlbCodes.EmptyDataFile, new Location(path)), (error.Code, error.At));
    }

    private static void AssertNumber(RecordCursor records, int field, double? expected)
    {
        Assert.Equal(expected is null, records.IsMissing(field));
        Assert.True(records.TryGetNumber(field, out var value, out var single));
        Assert.True(records.TryGetDouble(field, out var alone));
        var want = expected ?? double.NaN;
        Assert.Equal(BitConverter.DoubleToInt64Bits(want), BitConverter.DoubleToInt64Bits(value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(want), BitConverter.DoubleToInt64Bits(alone));
        Assert.Equal(BitConverter.SingleToUInt32Bits((float)want), BitConverter.SingleToUInt32Bits(single));
        Assert.Equal(expected is null ? "" : want.ToString("R", CultureInfo.InvariantCulture), records.Text(field).ToString());
    }
}
