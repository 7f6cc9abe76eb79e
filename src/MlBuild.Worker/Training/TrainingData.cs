using Microsoft.ML;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;

namespace MlBuild.Worker.Training;

/// <summary>The loaded data of a model: the inferred columns, the label and features, and the training and test
/// views with the label prepared for the task (Boolean, Single, or a key for multiclass).</summary>
internal sealed record TrainingData(
    IReadOnlyList<DataColumn> Columns,
    ColumnSelection Selection,
    LabelPlan Label,
    IDataView TrainView,
    IDataView TestView,
    int TrainRows,
    int TestRows)
{
    /// <summary>The raw columns, as an application gives them to the saved model.</summary>
    public DataViewSchema RawSchema => DataViewBuilder.RawSchema(Columns);
}
