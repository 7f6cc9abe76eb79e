using MlBuild.Definitions;
using MlBuild.Data.Files;
using MlBuild.Data.Profiles;
using MlBuild.Data.Scanning;

namespace MlBuild.Data.Checks;

/// <summary>What the checks look at: the pass over the training data (labeled rows) and its profile, the pass over the
/// test data when the item gives one (a split of one file is neither leaked nor shifted by construction), the inferred
/// columns, the rows training will use, and the schema the lock file recorded last time.</summary>
public sealed record CheckInput(
    TrainingFileScan Train,
    TestFileScan? Test,
    IReadOnlyList<DataColumn> Columns,
    ColumnSelection Selection,
    DataProfile Profile,
    bool Classification,
    long TrainRows,
    RecordedSchema? Previous);
