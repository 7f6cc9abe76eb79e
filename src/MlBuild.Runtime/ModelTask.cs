namespace MlBuild;

/// <summary>The kind of prediction a model makes; decides the label type, the evaluator and the default trainer.</summary>
public enum ModelTask
{
    /// <summary>Predicts true or false: a Boolean label, evaluated by AUC, accuracy, F1…</summary>
    BinaryClassification,
    /// <summary>Predicts one of several classes: a key label, evaluated by micro and macro accuracy, log loss.</summary>
    MulticlassClassification,
    /// <summary>Predicts a number: a Single label, evaluated by R², mean absolute and squared errors.</summary>
    Regression,
}
