using MlBuild.Core.Gates;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.Gates;

public sealed class GateElementLocatorTests
{
    [Fact]
    public void The_nth_element_including_an_identity_is_found_also_inside_include_lists()
    {
        using var project = new TestDirectory();
        var file = project.Write("p.csproj", """
            <Project>
              <ItemGroup>
                <MlGate Include="Iris" Metric="A" />
                <MlGate Include="Other" />
                <MlGate Include="Other; Iris" Metric="B" />
                <MlGate Remove="Iris" />
                <MlGate Include="Iris" Metric="C" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(3, GateElementLocator.Find(file, "MlGate", "Iris", 0).Line);
        Assert.Equal(5, GateElementLocator.Find(file, "MlGate", "Iris", 1).Line);
        Assert.Equal(7, GateElementLocator.Find(file, "MlGate", "Iris", 2).Line);
        Assert.Equal(5, GateElementLocator.Find(file, "MlGate", "Other", 1).Line);
    }

    [Fact]
    public void An_element_that_is_not_there_points_at_the_project_file()
    {
        using var project = new TestDirectory();
        var file = project.Write("p.csproj", "<Project><ItemGroup><MlGate Include=\"Iris\" /></ItemGroup></Project>");

        var location = GateElementLocator.Find(file, "MlGate", "Iris", 1);

        Assert.Equal((file, 0), (location.File, location.Line));
        Assert.Equal(0, GateElementLocator.Find(project.File("missing.csproj"), "MlGate", "Iris", 1).Line);
    }
}
