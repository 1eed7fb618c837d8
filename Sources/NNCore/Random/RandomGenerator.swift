/// NNLab's own seeded pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// The system generator differs across platforms and Swift versions; this one is specified
/// bit for bit (Blackman & Vigna, 2018), so one seed gives the same weights, the same shuffles
/// and the same data sets on any machine. Streams derived with `init(seed:stream:)` are
/// independent of each other, so a layer's initial weights depend only on the seed and the
/// layer's index, not on how many numbers another layer drew.
public struct RandomGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed`, on sub-stream `stream` (0 by default).
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        // One extra mix so streams of nearby seeds do not start correlated.
        _ = mixer.next()
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits: `(next() >> 11) · 2⁻⁵³`.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [lower, upper).
    public mutating func nextUniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnit()
    }

    /// A uniform integer in 0..<bound by rejection (no modulo bias), `bound > 0`.
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:) needs a positive bound, received \(bound)")
        let range = UInt64(bound)
        let limit = UInt64.max - UInt64.max % range
        var value = next()
        while value >= limit { value = next() }
        return Int(value % range)
    }

    /// A standard normal deviate by Marsaglia's polar method, using only IEEE arithmetic,
    /// `sqrt` and NNLab's own `naturalLog`, so it is identical on every platform.
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * naturalLog(s) / s).squareRoot()
            }
        }
    }

    /// A normal deviate with the given standard deviation, redrawn while `|x| > 2σ`
    /// (the truncated normal Keras uses for glorot_normal and he_normal).
    public mutating func nextTruncatedNormal(standardDeviation: Double) -> Double {
        while true {
            let x = nextNormal()
            if abs(x) <= 2 { return x * standardDeviation }
        }
    }

    /// Fisher–Yates shuffle of `buffer` in place.
    public mutating func shuffle(_ buffer: UnsafeMutableBufferPointer<Int>) {
        var i = buffer.count - 1
        while i > 0 {
            let j = nextIndex(below: i + 1)
            buffer.swapAt(i, j)
            i -= 1
        }
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): expands one 64-bit seed into a well-mixed state.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
