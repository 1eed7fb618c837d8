import Foundation
import NNCore

/// TensorFlow Playground's data sets (tensorflow/playground, `src/dataset.ts`), drawn from
/// NNLab's `RandomGenerator` instead of seedrandom, so a seed reproduces the same points on
/// every machine (but not Playground's own points).
///
/// `noise` is Playground's slider divided by 100 (0...0.5 in its interface). U(a, b) is a
/// uniform draw. As Playground does, the generated points are shuffled (Fisher–Yates) before
/// they are returned. Classification labels are Playground's +1/−1, class 1 being +1 (see
/// `LabelEncoding` for 0/1 or one-hot); where Playground generates `n/2` points per class,
/// an odd `samples` gives the positive class the extra point, so there are exactly `samples`.
public enum Playground {
    /// Two concentric classes. Positive: radius r ~ U(0, 2.5), angle φ ~ U(0, 2π),
    /// p = (r sin φ, r cos φ); negative: r ~ U(3.5, 5). The label is +1 when the noisy point
    /// p + (U(−5, 5), U(−5, 5))·noise lies within 2.5 of the origin, else −1 (so noise flips labels).
    public static func circle(samples: Int, noise: Double, seed: UInt64) -> ClassificationData {
        checkArguments(samples, noise)
        var random = RandomGenerator(seed: seed, stream: 0xC1)
        let radius = 5.0
        var points: [(Double, Double, Int)] = []
        points.reserveCapacity(samples)
        func label(_ x: Double, _ y: Double) -> Int {
            let noisyX = x + random.nextUniform(-radius, radius) * noise
            let noisyY = y + random.nextUniform(-radius, radius) * noise
            return (noisyX * noisyX + noisyY * noisyY).squareRoot() < radius * 0.5 ? 1 : 0
        }
        for (count, inner) in [(positiveCount(samples), true), (samples - positiveCount(samples), false)] {
            for _ in 0..<count {
                let r = inner ? random.nextUniform(0, radius * 0.5) : random.nextUniform(radius * 0.7, radius)
                let angle = random.nextUniform(0, 2 * Double.pi)
                let x = r * sin(angle), y = r * cos(angle)
                points.append((x, y, label(x, y)))
            }
        }
        return finish(points, random: &random)
    }

    /// Four quadrants (Playground's "xor"): x, y ~ U(−5, 5), each pushed 0.3 away from its axis;
    /// the label is +1 when x'·y' ≥ 0 for the noisy point (x, y) + (U(−5, 5), U(−5, 5))·noise.
    public static func quadrants(samples: Int, noise: Double, seed: UInt64) -> ClassificationData {
        checkArguments(samples, noise)
        var random = RandomGenerator(seed: seed, stream: 0xC2)
        let padding = 0.3
        var points: [(Double, Double, Int)] = []
        points.reserveCapacity(samples)
        for _ in 0..<samples {
            var x = random.nextUniform(-5, 5)
            x += x > 0 ? padding : -padding
            var y = random.nextUniform(-5, 5)
            y += y > 0 ? padding : -padding
            let noisyX = x + random.nextUniform(-5, 5) * noise
            let noisyY = y + random.nextUniform(-5, 5) * noise
            points.append((x, y, noisyX * noisyY >= 0 ? 1 : 0))
        }
        return finish(points, random: &random)
    }

    /// Two Gaussian blobs: positives around (2, 2), negatives around (−2, −2), each coordinate
    /// normal with variance v = 0.5 + 7·noise (Playground's linear map of noise 0…0.5 to v 0.5…4).
    public static func gauss(samples: Int, noise: Double, seed: UInt64) -> ClassificationData {
        checkArguments(samples, noise)
        var random = RandomGenerator(seed: seed, stream: 0xC3)
        let deviation = (0.5 + 7 * noise).squareRoot()
        var points: [(Double, Double, Int)] = []
        points.reserveCapacity(samples)
        for (count, center, label) in [(positiveCount(samples), 2.0, 1), (samples - positiveCount(samples), -2.0, 0)] {
            for _ in 0..<count {
                let x = center + deviation * random.nextNormal()
                let y = center + deviation * random.nextNormal()
                points.append((x, y, label))
            }
        }
        return finish(points, random: &random)
    }

    /// Two interleaved spirals. With n = samples/2 and i = 0, 1, …: r = 5i/n,
    /// t = 1.75 · 2π · i/n + Δ, p = (r sin t, r cos t) + (U(−1, 1), U(−1, 1))·noise;
    /// Δ = 0 for the positive spiral, π for the negative one.
    public static func spiral(samples: Int, noise: Double, seed: UInt64) -> ClassificationData {
        checkArguments(samples, noise)
        var random = RandomGenerator(seed: seed, stream: 0xC4)
        let n = Double(samples) / 2
        var points: [(Double, Double, Int)] = []
        points.reserveCapacity(samples)
        for (count, delta, label) in [(positiveCount(samples), 0.0, 1), (samples - positiveCount(samples), Double.pi, 0)] {
            for i in 0..<count {
                let r = Double(i) / n * 5
                let t = 1.75 * Double(i) / n * 2 * Double.pi + delta
                let x = r * sin(t) + random.nextUniform(-1, 1) * noise
                let y = r * cos(t) + random.nextUniform(-1, 1) * noise
                points.append((x, y, label))
            }
        }
        return finish(points, random: &random)
    }

    /// Regression on a plane: x, y ~ U(−6, 6), target (x' + y') / 10 for the noisy point
    /// (x, y) + (U(−6, 6), U(−6, 6))·noise (Playground's linear map of x + y from [−10, 10] to [−1, 1]).
    public static func plane(samples: Int, noise: Double, seed: UInt64) -> Dataset {
        checkArguments(samples, noise)
        var random = RandomGenerator(seed: seed, stream: 0xD1)
        return regression(samples: samples, noise: noise, random: &random) { x, y in (x + y) / 10 }
    }

    /// Regression on six Gaussian bumps at (±4 or 0, ±2.5) with signs sₖ = ±1 alternating:
    /// for the noisy point p (as in `plane`), each bump gives sₖ · clamp(1 − ‖p − cₖ‖/2, 0, 1);
    /// the target is the one largest in absolute value (the first on ties), 0 far from all bumps.
    public static func multiGaussian(samples: Int, noise: Double, seed: UInt64) -> Dataset {
        checkArguments(samples, noise)
        var random = RandomGenerator(seed: seed, stream: 0xD2)
        let bumps: [(Double, Double, Double)] = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
        return regression(samples: samples, noise: noise, random: &random) { x, y in
            var label = 0.0
            for (cx, cy, sign) in bumps {
                let distance = ((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot()
                let value = sign * min(max(1 - distance / 2, 0), 1)
                if abs(value) > abs(label) { label = value }
            }
            return label
        }
    }

    // MARK: - Helpers

    /// A programmer's contract (`BuiltinDataset` checks a user's parameters with typed errors).
    private static func checkArguments(_ samples: Int, _ noise: Double) {
        precondition(samples >= 0, "Playground needs a non-negative sample count, received \(samples)")
        precondition(noise.isFinite && noise >= 0, "Playground needs a finite non-negative noise, received \(noise)")
    }

    /// Points in the positive class when Playground makes `samples/2` of each (the extra odd one).
    static func positiveCount(_ samples: Int) -> Int { (samples + 1) / 2 }

    private static func regression(samples: Int, noise: Double, random: inout RandomGenerator,
                                   target: (Double, Double) -> Double) -> Dataset {
        let radius = 6.0
        var x = Matrix(rows: samples, columns: 2)
        var y = Matrix(rows: samples, columns: 1)
        for i in 0..<samples {
            let px = random.nextUniform(-radius, radius)
            let py = random.nextUniform(-radius, radius)
            let noiseX = random.nextUniform(-radius, radius) * noise
            let noiseY = random.nextUniform(-radius, radius) * noise
            x.elements[2 * i] = px
            x.elements[2 * i + 1] = py
            y.elements[i] = target(px + noiseX, py + noiseY)
        }
        // Playground shuffles after generating; these points are already i.i.d., so it is a no-op
        // in distribution and skipped.
        return Dataset(x: x, y: y)
    }

    /// The points shuffled, as a two-class set (class 1 = Playground's +1).
    private static func finish(_ points: [(Double, Double, Int)], random: inout RandomGenerator) -> ClassificationData {
        var order = Array(points.indices)
        order.withUnsafeMutableBufferPointer { random.shuffle($0) }
        var features = Matrix(rows: points.count, columns: 2)
        var labels = [Int]()
        labels.reserveCapacity(points.count)
        for (row, index) in order.enumerated() {
            features.elements[2 * row] = points[index].0
            features.elements[2 * row + 1] = points[index].1
            labels.append(points[index].2)
        }
        return ClassificationData(features: features, labels: labels, classNames: ["-1", "+1"])
    }
}
