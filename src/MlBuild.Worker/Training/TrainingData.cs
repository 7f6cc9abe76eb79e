using Microsoft.ML;
using MlBuild.Worker.Data;
using MlBuild.Worker.DataViews;

namespace MlBuild.Worker.Training;

/// <summary>The loaded data of a model: the inferred columns, the label and features, and the training and test
/// views with the label prepared for the task (Boolean, Single, or a key for multiclass). The files are the rows as
/// read (only labeled ones), for the data checks and the profile; <see cref="TestFile"/> is null for a split.</summary>
internal sealed record TrainingData(
    IReadOnlyList<DataColumn> Columns,
    ColumnSelection Selection,
    LabelPlan Label,
    IDataView TrainView,
    IDataView TestView,
    int TrainRows,
    int TestRows,
    DataFile TrainFile,
    DataFile? TestFile)
{
    /// <summary>The raw columns, as an application gives them to the saved model.</summary>
    public DataViewSchema RawSchema => DataViewBuilder.RawSchema(Columns);
}
