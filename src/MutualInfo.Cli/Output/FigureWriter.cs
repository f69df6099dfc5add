using ScottPlot;
using SkiaSharp;

namespace MutualInfo.Cli.Output;

/// <summary>Saves a (multi-panel) figure as PNG or SVG, chosen by the file extension, atomically.</summary>
internal static class FigureWriter
{
    public static void Save(Multiplot figure, string path, int width, int height)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
            throw new UsageException($"--plot: the file must end in .png or .svg, got '{path}'");
        AtomicFile.Write(path, stream =>
        {
            if (extension == ".png") WritePng(figure, stream, width, height);
            else WriteSvg(figure, stream, width, height);
        });
    }

    private static void WritePng(Multiplot figure, Stream stream, int width, int height)
    {
        using Image image = figure.Render(width, height);
        byte[] bytes = image.GetImageBytes(ImageFormat.Png);
        stream.Write(bytes);
    }

    private static void WriteSvg(Multiplot figure, Stream stream, int width, int height)
    {
        using var managed = new SKManagedWStream(stream);
        using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), managed))
        {
            canvas.Clear(SKColors.White);
            figure.Render(canvas, new PixelRect(0, 0, width, height));
        }
        managed.Flush();
    }
}
