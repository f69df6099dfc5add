using MutualInfo.Randomness;

namespace MutualInfo.Neural.Training;

/// <summary>
/// Fills row-major x (n×d_x) and y (n×d_y) with n pairs drawn from the joint distribution;
/// <c>IKnownMiFamily.SampleJoint</c> has this shape.
/// </summary>
public delegate void JointSampler(Rng rng, Span<double> x, Span<double> y);
