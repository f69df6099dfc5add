using System.Globalization;

namespace MutualInfo.Neural.Objectives;

/// <summary>One training objective of <see cref="ObjectiveNames"/>.</summary>
/// <param name="Name">The name in specifications, e.g. <c>smile</c>.</param>
/// <param name="ParameterKey">Its one parameter's key (<c>tau</c>, <c>rate</c>, <c>alpha</c>), or null.</param>
/// <param name="DefaultParameter">The parameter's default, or null.</param>
/// <param name="DataEstimator">Whether the neural data estimator can report an estimate with it.</param>
/// <param name="Description">One line for help text.</param>
public sealed record ObjectiveName(string Name, string? ParameterKey, double? DefaultParameter, bool DataEstimator, string Description)
{
    /// <summary>The specification with the default parameter written out, e.g. <c>smile:tau=5</c>, or just the name.</summary>
    public string DefaultSpec => ParameterKey is null || DefaultParameter is not { } value
        ? Name
        : string.Create(CultureInfo.InvariantCulture, $"{Name}:{ParameterKey}={value:R}");
}
