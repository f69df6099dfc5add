using CsCheck;
using MutualInfo.Neural.Estimation;

namespace MutualInfo.Neural.Tests;

/// <summary>The per-row InfoNCE and leave-one-out terms of the neural CMI estimate, against their definitions.</summary>
public sealed class NeuralCmiRowTermsTests
{
    [Fact]
    public void Both_terms_match_their_definitions_on_moderate_scores()
    {
        Gen.Int[2, 8].SelectMany(k => Gen.Double[-10, 10].Array[k].SelectMany(row => Gen.Int[0, k - 1].Select(a => (row, a))))
            .Sample(c =>
            {
                var (infoNce, leaveOneOut) = NeuralCmiEstimator.RowTerms(c.row, c.a);
                int k = c.row.Length;
                double all = c.row.Sum(Math.Exp), others = all - Math.Exp(c.row[c.a]);
                double expectedInfoNce = Math.Log(k) + c.row[c.a] - Math.Log(all);
                double expectedLeaveOneOut = c.row[c.a] - Math.Log(others / (k - 1));
                return Math.Abs(infoNce - expectedInfoNce) <= 1e-9 && Math.Abs(leaveOneOut - expectedLeaveOneOut) <= 1e-9 * Math.Max(1, Math.Abs(expectedLeaveOneOut));
            }, iter: 200);
    }

    [Fact]
    public void A_positive_far_above_every_negative_gives_a_finite_leave_one_out_term()
    {
        // S[a, a] − log mean_(b ≠ a) e^S[a, b] = 0 − log e^−50 = 50 exactly; the InfoNCE term is log 4 (all mass on a).
        var (infoNce, leaveOneOut) = NeuralCmiEstimator.RowTerms([0, -50, -50, -50], 0);
        Assert.Equal(50, leaveOneOut, 12);
        Assert.Equal(Math.Log(4), infoNce, 12);
    }
}
