using Microsoft.ML;

namespace MlBuild.Worker.Evaluation.Scoring;

/// <summary>Something that rides along the candidate's scoring pass, reading a column of each row as another reader
/// moves the cursor, so that the test rows are read once, whatever the report needs of them.</summary>
internal interface IRowCollector
{
    DataViewSchema.Column Column { get; }

    /// <summary>Binds to the cursor that will be moved (it must have the column active); starts over.</summary>
    void Bind(DataViewRow cursor);

    /// <summary>Reads the current row.</summary>
    void Collect();
}
