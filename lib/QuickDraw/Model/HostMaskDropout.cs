using TorchSharp;
using static TorchSharp.torch;

namespace QuickDraw.Model;

/// <summary>
/// Dropout whose mask is drawn on the host by a fast generator seeded by one draw from a torch generator (so the masks
/// depend only on that generator's seed). On this AMD CPU torch's CPU dropout draws its bernoulli mask element by element
/// (libtorch's vectorised MKL path is taken on Intel CPUs only): 21 ms for one LSTM layer's output at batch 64
/// (64 × 70 × 256), about a seventh of the LSTM's own forward + backward time per layer. This one takes 5 ms with the multiply
/// (benchmarks/training/recurrence.cs -- dropout).
/// Each element is kept with probability round((1 − p)·65536)/65536 and scaled by its inverse (unbiased), i.e. p
/// to within 1e-5. Off the CPU it is torch's dropout (a host mask would have to be copied to the device).
/// The seeds come from the generator <see cref="Drawing"/> set on this thread, else from torch's default one: the
/// trainer gives each part of a batch its own generator, so parts run on several threads at once draw the same
/// masks as run one after another (torch's default generator is shared by all threads, in the order they reach it).
/// </summary>
public sealed class HostMaskDropout : nn.Module<Tensor, Tensor>
{
    readonly double p;

    [ThreadStatic] static Generator? threadGenerator;

    /// <summary>Until disposed, masks drawn on this thread take their seeds from <paramref name="generator"/>.</summary>
    public static IDisposable Drawing(Generator generator) => new ThreadGenerator(generator);

    sealed class ThreadGenerator : IDisposable
    {
        readonly Generator? before = threadGenerator;
        public ThreadGenerator(Generator generator) => threadGenerator = generator;
        public void Dispose() => threadGenerator = before;
    }

    /// <param name="p">Probability of zeroing an element, in [0, 1).</param>
    public HostMaskDropout(double p) : base(nameof(HostMaskDropout))
    {
        if (!(p >= 0 && p < 1)) throw new ArgumentException($"dropout probability must be in [0, 1), not {p}");
        this.p = p;
    }

    public override Tensor forward(Tensor x)
    {
        if (!training || p == 0) return x;
        if (x.device_type != DeviceType.CPU) return nn.functional.dropout(x, p, training: true);
        return x * Mask(x.shape, x.dtype);
    }

    /// <summary>A mask of <paramref name="shape"/>: 0, or 1 / (probability of keeping); draws one number from
    /// <paramref name="generator"/> (else this thread's, see <see cref="Drawing"/>, else torch's default one) as its seed.</summary>
    public Tensor Mask(long[] shape, ScalarType dtype = ScalarType.Float32, Generator? generator = null)
    {
        using var draw = randint(long.MaxValue, [1], dtype: ScalarType.Int64, generator: generator ?? threadGenerator);
        ulong seed = (ulong)draw.item<long>();
        uint threshold = (uint)Math.Clamp(Math.Round((1 - p) * 65536), 1, 65536);
        float scale = (float)(65536.0 / threshold);
        var result = empty(shape, dtype: ScalarType.Float32);
        Fill(result, seed, threshold, scale);
        return dtype == ScalarType.Float32 ? result : result.to_type(dtype);
    }

    // Writes the mask straight into the (contiguous, CPU) tensor's memory.
    static unsafe void Fill(Tensor result, ulong seed, uint threshold, float scale)
    {
        var span = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(result.bytes);
        fixed (float* start = span)
        {
            float* m = start, end = start + span.Length;
            ulong state = seed;
            while (m < end)
            {
                // SplitMix64: 64 bits → four 16-bit draws.
                state += 0x9E3779B97F4A7C15UL;
                ulong z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                if (end - m >= 4)
                {
                    m[0] = (uint)(z & 0xFFFF) < threshold ? scale : 0f;
                    m[1] = (uint)((z >> 16) & 0xFFFF) < threshold ? scale : 0f;
                    m[2] = (uint)((z >> 32) & 0xFFFF) < threshold ? scale : 0f;
                    m[3] = (uint)(z >> 48) < threshold ? scale : 0f;
                    m += 4;
                }
                else
                    for (int k = 0; m < end; k++, m++) *m = (uint)((z >> (16 * k)) & 0xFFFF) < threshold ? scale : 0f;
            }
        }
    }
}
