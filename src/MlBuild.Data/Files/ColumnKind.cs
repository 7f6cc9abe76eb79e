namespace MlBuild.Data.Files;

/// <summary>How a column is featurized, inferred from its values.</summary>
public enum ColumnKind
{
    /// <summary>Every non-empty value is a number; empty values are missing.</summary>
    Numeric,
    /// <summary>Every value is true or false (any case).</summary>
    Boolean,
    /// <summary>Short strings with few distinct values: one-hot encoded.</summary>
    Categorical,
    /// <summary>Any other strings: featurized as text.</summary>
    Text,
}
