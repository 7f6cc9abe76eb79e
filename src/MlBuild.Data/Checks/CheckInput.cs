using MlBuild.Data.Files;
using MlBuild.Data.Profiles;

namespace MlBuild.Data.Checks;

/// <summary>What the checks look at: the training data (labeled rows) and its profile, the test data when the item
/// gives one (a split of one file is neither leaked nor shifted by construction), the inferred columns, the rows
/// training will use, and the schema the lock file recorded last time.</summary>
public sealed record CheckInput(
    DataFile Train,
    DataFile? Test,
    IReadOnlyList<DataColumn> Columns,
    ColumnSelection Selection,
    DataProfile Profile,
    bool Classification,
    int TrainRows,
    RecordedSchema? Previous);
