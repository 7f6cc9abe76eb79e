namespace MlBuild.Core.Packaging;

/// <summary>Metadata names of the items that flow between the tasks of the MlBuildPackage target.</summary>
internal static class PackageMetadata
{
    // MlModel item metadata a project may set.
    public const string ItemPackageId = "PackageId";
    public const string ItemPackageVersion = "PackageVersion";
    public const string ItemDescription = "Description";
    public const string ItemPackage = "Package";

    // Planned packages (PlanModelPackages → DescribePackageModel, WriteModelPackages).
    public const string PlanFile = "PlanFile";
    public const string ModelFile = "ModelFile";
    public const string SchemaFile = "SchemaFile";
    public const string Describe = "Describe";
    public const string PackageId = "PackageId";
    public const string PackageVersion = "PackageVersion";
    public const string StagingDirectory = "StagingDirectory";

    // Packages to pack (WriteModelPackages → the Pack step).
    public const string ModelName = "ModelName";
    public const string PackageFile = "PackageFile";
    public const string StampFile = "StampFile";
    public const string PendingStampFile = "PendingStampFile";
}
