namespace MlBuild.Core.Evaluation;

/// <summary>Whether a change against the baseline is more than the noise of a finite test set.</summary>
internal enum Significance
{
    Significant,
    NotSignificant,
    /// <summary>There is a baseline value but nothing to judge the noise by: no paired run, no recorded interval.</summary>
    Unknown,
    /// <summary>Nothing to compare with.</summary>
    NoBaseline,
}

/// <summary>What a significance verdict rests on, so a report can say why.</summary>
internal enum SignificanceBasis
{
    None,
    /// <summary>Candidate and baseline scored on the same resampled rows: the interval of the difference.</summary>
    PairedInterval,
    /// <summary>Only the baseline's lock entry: the candidate value against the baseline's recorded 95% interval.</summary>
    BaselineInterval,
    /// <summary>A measurement without sampling noise (the model file's size): any change is real.</summary>
    Exact,
    /// <summary>Candidate and baseline are the same model file: nothing changed.</summary>
    SameModel,
}
