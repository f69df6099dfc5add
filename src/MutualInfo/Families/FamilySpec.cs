using System.Globalization;

namespace MutualInfo.Families;

/// <summary>
/// Parses family specifications (<c>mi simulate --family</c> and other commands):
/// <c>name:key=value,key=value</c> followed by optional <c>+transform</c> suffixes (both X and Y) or
/// <c>+transform:x</c> / <c>+transform:y</c> (one side). Every family's <see cref="IKnownMiFamily.Name"/> is a
/// specification that parses back to the same family. Numbers use the invariant culture.
/// </summary>
/// <example>
/// <c>gaussian:dim=20,mi=10</c>, <c>gaussian:dim=1,rho=0.8+cubic</c>, <c>multinormal:dense=0.5,dx=3,dy=3</c>,
/// <c>multinormal:sparse=2,rho=0.8,dx=5,dy=5</c>, <c>multinormal:dx=1,cov=1/0.5;0.5/1</c>,
/// <c>student-t:dx=2,dy=2,dof=2+asinh:y</c>, <c>uniform-additive:eps=0.1</c>, <c>discrete:table=0.4/0.1;0.1/0.4</c>,
/// <c>multinormal:sparse=2,rho=0.8,dx=3,dy=3+spiral</c>, <c>gaussian:dim=1,rho=0.75+wiggly</c>,
/// <c>gaussian:dim=1,rho=0.75+normal-cdf+swiss-roll:x</c>.
/// </example>
public static class FamilySpec
{
    private const string Parameter = "family";

    /// <summary>The family names, in the order they are listed in messages.</summary>
    public static IReadOnlyList<string> KnownFamilies { get; } = ["gaussian", "multinormal", "student-t", "uniform-additive", "discrete"];

    /// <summary>Parses a specification; throws <see cref="ArgumentException"/> naming the parameter <c>family</c> on bad input.</summary>
    public static IKnownMiFamily Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            var parts = SplitTransforms(spec.Trim());
            IKnownMiFamily family = ParseFamily(parts[0]);
            foreach (string transform in parts.Skip(1)) family = ApplyTransform(family, transform);
            return family;
        }
        catch (ArgumentException e) when (e.ParamName != Parameter)
        {
            throw ArgumentMessages.Rename(e, Parameter);
        }
    }

    // '+' starts a transform only when a letter follows, so exponents such as 1e+5 stay inside numbers.
    private static List<string> SplitTransforms(string spec)
    {
        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i < spec.Length; i++)
        {
            if (spec[i] == '+' && i + 1 < spec.Length && char.IsAsciiLetter(spec[i + 1]))
            {
                parts.Add(spec[start..i]);
                start = i + 1;
            }
        }
        parts.Add(spec[start..]);
        return parts;
    }

    private static IKnownMiFamily ParseFamily(string text)
    {
        if (text.Length == 0) throw Fail($"empty specification; known families: {string.Join(", ", KnownFamilies)}");
        int colon = text.IndexOf(':');
        string name = (colon < 0 ? text : text[..colon]).Trim();
        var keys = new SpecKeys(name, colon < 0 ? "" : text[(colon + 1)..]);
        return name switch
        {
            "gaussian" => ParseGaussian(keys),
            "multinormal" => ParseMultinormal(keys),
            "student-t" => ParseStudentT(keys),
            "uniform-additive" => ParseUniform(keys),
            "discrete" => ParseDiscrete(keys),
            _ => throw Fail($"unknown family '{name}'; known families: {string.Join(", ", KnownFamilies)}"),
        };
    }

    private static GaussianFamily ParseGaussian(SpecKeys keys)
    {
        keys.Allow("dim", "rho", "mi");
        int dim = keys.Has("dim") ? keys.Integer("dim") : 1;
        if (keys.Has("rho") == keys.Has("mi")) throw Fail("gaussian needs exactly one of the keys rho and mi");
        return keys.Has("rho") ? new GaussianFamily(dim, keys.Number("rho")) : GaussianFamily.FromMutualInformation(dim, keys.Number("mi"));
    }

    private static MultinormalFamily ParseMultinormal(SpecKeys keys)
    {
        keys.Allow("dense", "sparse", "cov", "rho", "dx", "dy");
        int kinds = (keys.Has("dense") ? 1 : 0) + (keys.Has("sparse") ? 1 : 0) + (keys.Has("cov") ? 1 : 0);
        if (kinds != 1) throw Fail("multinormal needs exactly one of the keys dense, sparse and cov");
        if (keys.Has("cov"))
        {
            keys.Forbid("rho", "cov");
            var cov = SpecTableParser.Parse(keys.Text("cov"), "cov");
            int dx = keys.Integer("dx");
            if (keys.Has("dy") && keys.Integer("dy") != cov.GetLength(0) - dx)
                throw Fail($"dy = {keys.Integer("dy")} does not match a {cov.GetLength(0)} x {cov.GetLength(0)} cov with dx = {dx}");
            return new MultinormalFamily(cov, dx);
        }
        if (keys.Has("dense"))
        {
            keys.Forbid("rho", "dense");
            return MultinormalFamily.Dense(keys.Integer("dx"), keys.Integer("dy"), keys.Number("dense"));
        }
        return MultinormalFamily.Sparse(keys.Integer("dx"), keys.Integer("dy"), keys.Integer("sparse"), keys.Number("rho"));
    }

    private static StudentTFamily ParseStudentT(SpecKeys keys)
    {
        keys.Allow("dx", "dy", "dof");
        return new StudentTFamily(keys.Integer("dx"), keys.Integer("dy"), keys.Number("dof"));
    }

    private static UniformAdditiveFamily ParseUniform(SpecKeys keys)
    {
        keys.Allow("eps");
        return new UniformAdditiveFamily(keys.Number("eps"));
    }

    private static DiscreteFamily ParseDiscrete(SpecKeys keys)
    {
        keys.Allow("table");
        return new DiscreteFamily(SpecTableParser.Parse(keys.Text("table"), "table"));
    }

    /// <summary>Transforms that are not a single per-coordinate map, in the order they are listed in messages.</summary>
    public static IReadOnlyList<string> CompositeTransforms { get; } = ["wiggly", "bimodal", "spiral", "swiss-roll"];

    private static IKnownMiFamily ApplyTransform(IKnownMiFamily family, string text)
    {
        int colon = text.IndexOf(':');
        string name = colon < 0 ? text : text[..colon];
        string options = colon < 0 ? "" : text[(colon + 1)..];
        return name switch
        {
            "wiggly" => PairedMaps(family, name, options, CoordinateMap.WigglyX, CoordinateMap.WigglyY),
            "bimodal" => PairedMaps(family, name, options, CoordinateMap.BimodalX, CoordinateMap.BimodalY),
            "spiral" => ApplySpiral(family, options),
            "swiss-roll" => options == "x"
                ? new SwissRollFamily(family)
                : throw Fail($"swiss-roll embeds the one-dimensional X only: write +swiss-roll:x, got '+{text}'"),
            _ => ApplyCoordinateMap(family, name, options),
        };
    }

    private static TransformedFamily ApplyCoordinateMap(IKnownMiFamily family, string name, string side)
    {
        var map = CoordinateMap.Find(name)
                  ?? throw Fail($"unknown transform '{name}'; known transforms: "
                                + string.Join(", ", CoordinateMap.All.Select(m => m.Name).Concat(CompositeTransforms)));
        return side switch
        {
            "" => new TransformedFamily(family, map, map),
            "x" => new TransformedFamily(family, map, null),
            "y" => new TransformedFamily(family, null, map),
            _ => throw Fail($"transform '{name}' applies to x or y, got ':{side}'"),
        };
    }

    // BMI's wiggly and bimodal tasks use a different map on each side; '+wiggly' is '+wiggly-x:x+wiggly-y:y'.
    private static TransformedFamily PairedMaps(IKnownMiFamily family, string name, string side, CoordinateMap xMap, CoordinateMap yMap) => side switch
    {
        "" => new TransformedFamily(family, xMap, yMap),
        "x" => new TransformedFamily(family, xMap, null),
        "y" => new TransformedFamily(family, null, yMap),
        _ => throw Fail($"transform '{name}' applies to x or y, got ':{side}'"),
    };

    // '+spiral', '+spiral:x', '+spiral:y', each optionally with ',speed=v' (or ':speed=v' alone).
    private static SpiralFamily ApplySpiral(IKnownMiFamily family, string options)
    {
        bool onX = true, onY = true;
        double? speed = null;
        foreach (string raw in options.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string option = raw.Trim();
            if (option == "x") onY = false;
            else if (option == "y") onX = false;
            else if (option.StartsWith("speed=", StringComparison.Ordinal) && TryParseNumber(option["speed=".Length..], out double v)) speed = v;
            else throw Fail($"spiral takes x, y and speed=NUMBER, got '{option}'");
        }
        if (!onX && !onY) throw Fail("spiral: give x or y, not both (no side means both)");
        return new SpiralFamily(family, onX ? SpiralFamily.BmiX(family.DimX, speed) : null, onY ? SpiralFamily.BmiY(family.DimY, speed) : null, speed);
    }

    /// <summary>
    /// Parses a specification for the exact-critic simulation: as <see cref="Parse"/>, and refuses families without an
    /// exact log ratio (embeddings) with an <see cref="ArgumentException"/>.
    /// </summary>
    public static IKnownMiFamily ParseWithLogRatio(string spec)
    {
        IKnownMiFamily family = Parse(spec);
        if (!family.HasExactLogRatio)
            throw Fail($"'{spec.Trim()}' has no exact log ratio (the Swiss-roll embedding puts X on a curve of R², where it has no density); "
                       + "it can be benchmarked (mi bench) but not simulated");
        return family;
    }

    internal static ArgumentException Fail(string message) => new(message, Parameter);

    internal static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
