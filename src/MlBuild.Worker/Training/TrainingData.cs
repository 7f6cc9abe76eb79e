using Microsoft.ML;
using MlBuild.Data.Profiles;
using MlBuild.Data.Scanning;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;

namespace MlBuild.Worker.Training;

/// <summary>The data of a model, checked: the columns as the whole training file shows them, the label and features,
/// the training and test views (streaming from the files) with the label prepared for the task (Boolean, Single, or a
/// key for multiclass), and what the passes over the files found, for the data checks; <see cref="TestScan"/> is null
/// for a split, <see cref="TrainScan"/> and <see cref="Profile"/> for an evaluation (which trusts what training checked).</summary>
internal sealed record TrainingData(
    IReadOnlyList<DataColumn> Columns,
    ColumnSelection Selection,
    LabelPlan Label,
    IDataView TrainView,
    IDataView TestView,
    long TrainRows,
    long TestRows,
    DataSource TrainSource,
    TrainingFileScan? TrainScan,
    TestFileScan? TestScan,
    DataProfile? Profile)
{
    /// <summary>The raw columns, as an application gives them to the saved model.</summary>
    public DataViewSchema RawSchema => DataViewBuilder.RawSchema(Columns);
}
