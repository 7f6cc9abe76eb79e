namespace MlBuild;

// The manifest's types are declared in MlBuild.Contracts/Manifests (internal there, where MlBuild writes them) and
// compiled into this library, whose public API they are.
public sealed partial class ModelManifest;

public sealed partial class ManifestFiles;

public sealed partial class ModelFileFacts;

public sealed partial class SchemaColumn;

public sealed partial class MetricValue;

public sealed partial record NamedMetric;

public sealed partial class EvaluationSummary;

public sealed partial class GateResult;

public sealed partial class ExpectationSummary;

public sealed partial class ModelLineage;

public sealed partial class LineageInput;

public sealed partial class PipelineLineage;

public sealed partial class GitLineage;
