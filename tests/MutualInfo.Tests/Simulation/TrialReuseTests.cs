using MutualInfo.Bounds;
using MutualInfo.Families;
using MutualInfo.Randomness;
using MutualInfo.Simulation;

namespace MutualInfo.Tests.Simulation;

/// <summary>Worker threads reuse one trial object for many trials: no state may leak from one trial into the next.</summary>
public class TrialReuseTests
{
    public static TheoryData<string, string, int> Cases => new()
    {
        { "streamed", "gaussian:dim=3,rho=0.7", 40 },
        { "matrix", "gaussian:dim=3,rho=0.7", 40 },
        { "streamed", "student-t:dx=2,dy=1,dof=3", 21 },
        { "independent", "gaussian:dim=20,mi=5", 300 },
        { "independent", "uniform-additive:eps=0.2", 33 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_reused_trial_gives_what_a_fresh_one_gives(string kind, string familySpec, int n)
    {
        IKnownMiFamily family = FamilySpec.Parse(familySpec);
        IReadOnlyList<IBound> bounds = BoundSpec.ParseList(kind == "matrix" ? "infonce,nwj,smile" : "infonce,nwj,loo-upper");
        ITrial Create() => kind switch
        {
            "streamed" => new StreamingInBatchTrial(family, bounds, n),
            "matrix" => new InBatchTrial(family, bounds, n),
            _ => new IndependentTrial(family, bounds, [n / 2, n]),
        };
        ITrial reused = Create();
        var first = new double[8];
        var again = new double[8];
        for (int t = 0; t < 6; t++)
        {
            reused.Run(Rng.ForStream(3, (ulong)t), first);
            Create().Run(Rng.ForStream(3, (ulong)t), again);
            Assert.Equal(again, first);
        }
    }
}
