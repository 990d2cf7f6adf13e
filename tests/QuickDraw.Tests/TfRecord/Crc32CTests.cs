using System.Text;
using QuickDraw.TfRecord;

namespace QuickDraw.Tests.TfRecord;

public class Crc32CTests
{
    // The published CRC-32C check values (see REFERENCE.md), each run through both the CPU and the table path.
    public static TheoryData<string, byte[], uint> CheckValues() => new()
    {
        { "ascii 123456789", Encoding.ASCII.GetBytes("123456789"), 0xe3069283 },
        { "32 x 0x00", new byte[32], 0x8a9136aa },
        { "32 x 0xff", Enumerable.Repeat((byte)0xff, 32).ToArray(), 0x62a8ab43 },
        { "0,1,...,31", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46dd794e },
        { "31,30,...,0", Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113fdb5c },
    };

    [Theory]
    [MemberData(nameof(CheckValues))]
    public void ComputeMatchesCheckValue(string what, byte[] data, uint expected)
    {
        Assert.True(expected == Crc32C.Compute(data), what);
    }

    [Theory]
    [MemberData(nameof(CheckValues))]
    public void SoftwarePathMatchesCheckValue(string what, byte[] data, uint expected)
    {
        Assert.True(expected == Crc32C.ComputeSoftware(data), what);
    }

    [Fact]
    public void EmptyInputHasCrcZero()
    {
        Assert.Equal(0u, Crc32C.Compute([]));
        Assert.Equal(0u, Crc32C.ComputeSoftware([]));
    }

    [Fact]
    public void AppendContinuesARunningCrcOnBothPaths()
    {
        var data = RandomBytes(seed: 1, length: 100);
        uint whole = Crc32C.Compute(data);
        for (int split = 0; split <= data.Length; split++)
        {
            Assert.Equal(whole, Crc32C.Append(Crc32C.Compute(data.AsSpan(0, split)), data.AsSpan(split)));
            Assert.Equal(whole, Crc32C.AppendSoftware(Crc32C.ComputeSoftware(data.AsSpan(0, split)), data.AsSpan(split)));
        }
    }

    [Fact]
    public void HardwareAndSoftwareAgreeForManyLengthsAndAlignments()
    {
        // Lengths straddle the hardware path's block sizes (3 x 128 and 3 x 1024 bytes).
        var buffer = RandomBytes(seed: 2, length: 8192 + 8);
        int[] edges = [383, 384, 385, 767, 768, 1000, 3071, 3072, 3073, 3072 + 384 + 7, 6144, 8192];
        for (int offset = 0; offset < 8; offset++)
            foreach (int length in Enumerable.Range(0, 80).Concat(edges))
            {
                var slice = buffer.AsSpan(offset, length);
                Assert.Equal(Crc32C.ComputeSoftware(slice), Crc32C.Compute(slice));
            }
    }

    [Fact]
    public void MaskOfKnownCrcMatchesHandComputation()
    {
        // 0xe3069283 >> 15 = 0x0001c60d; 0xe3069283 << 17 = 0x25060000 (32-bit);
        // OR = 0x2507c60d; + 0xa282ead8 = 0xc78ab0e5.
        Assert.Equal(0xc78ab0e5u, Crc32C.Mask(0xe3069283));
        Assert.Equal(0xa282ead8u, Crc32C.Mask(0)); // a rotation of 0 is 0; only the delta remains
    }

    [Fact]
    public void UnmaskInvertsMask()
    {
        var random = new Random(3);
        for (int i = 0; i < 1000; i++)
        {
            uint crc = (uint)random.NextInt64(0, 1L << 32);
            Assert.Equal(crc, Crc32C.Unmask(Crc32C.Mask(crc)));
        }
        Assert.Equal(0xe3069283u, Crc32C.Unmask(0xc78ab0e5));
    }

    static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
