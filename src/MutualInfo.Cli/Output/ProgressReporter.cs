namespace MutualInfo.Cli.Output;

/// <summary>
/// Progress on stderr: an updating line on a terminal; plain lines (at most one per ~2 s and at the end)
/// when stderr is redirected, where an in-place bar would print nothing useful.
/// </summary>
internal sealed class ProgressReporter(string label, long total)
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _done;
    private TimeSpan _lastPrint = TimeSpan.FromDays(-1);

    public void Advance(long amount = 1)
    {
        lock (_gate)
        {
            _done += amount;
            bool finished = _done >= total;
            TimeSpan minGap = _interactive ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(2);
            if (!finished && _clock.Elapsed - _lastPrint < minGap) return;
            _lastPrint = _clock.Elapsed;
            Print(finished);
        }
    }

    /// <summary>Prints the 0% line at once, so a long first step never looks like a hang.</summary>
    public void Start(string? note = null)
    {
        lock (_gate)
        {
            _lastPrint = _clock.Elapsed;
            if (note is not null) Console.Error.WriteLine($"{label}: {note}");
            Print(finished: total == 0);
        }
    }

    /// <summary>
    /// Ends the display when the work stopped before reaching the total (e.g. early stopping): prints the final count
    /// with <paramref name="note"/> and ends the line. Does nothing when the total was reached or nothing was reported.
    /// </summary>
    public void Finish(string note)
    {
        lock (_gate)
        {
            if (_done == 0 || _done >= total) return;
            string text = $"{label}: {note} at {_done}/{total}, {_clock.Elapsed.TotalSeconds:F1}s";
            if (_interactive) Console.Error.Write($"\r{text}{new string(' ', 30)}\n");
            else Console.Error.WriteLine(text);
        }
    }

    private void Print(bool finished)
    {
        double fraction = total == 0 ? 1 : (double)_done / total;
        string text = $"{label}: {fraction * 100,5:F1}% ({_done}/{total}) {_clock.Elapsed.TotalSeconds:F1}s";
        if (_interactive)
        {
            const int width = 30;
            int filled = (int)Math.Round(fraction * width);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {text}");
            if (finished) Console.Error.WriteLine();
        }
        else
        {
            Console.Error.WriteLine(text);
        }
    }
}
