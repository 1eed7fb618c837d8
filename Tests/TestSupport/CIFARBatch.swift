import Foundation

/// A synthetic CIFAR-10 binary batch: records of 1 label byte and 3,072 pixel bytes (the 32 × 32 red
/// plane, then green, then blue, each row-major), as `data_batch_1.bin` stores them.
///
/// Record `i` has label `i % 10` and shows a disc of that class's hue (class / 10 of the colour wheel)
/// at a place that varies, on a dim noisy background: learnable from colour, with some mistakes.
public enum CIFARBatch {
    public static let recordSize = 3073

    /// The batch's bytes: `records` records (200 make 614,600 bytes; nothing is written to disk here).
    public static func bytes(records: Int, seed: UInt64 = 1) -> [UInt8] {
        var state = seed
        /// SplitMix64, uniform in [0, 1).
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        var out: [UInt8] = []
        out.reserveCapacity(records * recordSize)
        for i in 0..<records {
            let label = i % 10
            let hue = Double(label) / 10
            // The hue as red, green and blue in 0…1: three cosines a third of a turn apart.
            let color = (0..<3).map { c in 0.5 + 0.5 * cos(2 * Double.pi * (hue - Double(c) / 3)) }
            let cx = 8 + 16 * uniform(), cy = 8 + 16 * uniform()
            out.append(UInt8(label))
            for c in 0..<3 {
                for y in 0..<32 {
                    for x in 0..<32 {
                        let inside = (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy) < 64
                        let value = (inside ? 230 * color[c] : 60) + 70 * (uniform() - 0.5)
                        out.append(UInt8(max(0, min(255, value.rounded()))))
                    }
                }
            }
        }
        return out
    }
}
