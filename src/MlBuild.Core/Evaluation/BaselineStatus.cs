namespace MlBuild.Core.Evaluation;

/// <summary>Where a model's baseline values come from.</summary>
internal enum BaselineStatus
{
    /// <summary>There is no baseline lock file at all (no git repository, or no lock file in the baseline commit).</summary>
    NoBaseline,
    /// <summary>The baseline lock file has no entry for this model: a new model.</summary>
    NotInBaseline,
    /// <summary>The baseline lock entry's recorded values (its model was not at hand to score again).</summary>
    Unpaired,
    /// <summary>The baseline model was scored in this run on the same test rows: paired deltas.</summary>
    Paired,
}
