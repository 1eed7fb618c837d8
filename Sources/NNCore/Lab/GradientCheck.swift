/// A student's gradient arrays checked against NNLab's, one row per array (dW₁, db₁, dW₂, …), with the
/// usual mistakes named when they fit exactly.
///
/// The error of an array is the largest elementwise relative difference
///
///     max_i |t_i − o_i| / max(|t_i|, |o_i|)      (0 where both are 0)
///
/// between theirs (t) and NNLab's (o). An array that fails is tested against the mistakes students make
/// in backpropagation, each a transformation T with ‖T(o) − t‖ within the tolerance: the matrix
/// transposed, and a constant factor (−1, the batch size N, the output count k, 2, and their products
/// and inverses): summing over the batch instead of averaging (×N), averaging twice (÷N), the 2 of the
/// squared error's derivative missing (÷2), the sign.
public struct GradientCheck: Sendable {
    public struct Row: Sendable, Hashable {
        /// "dW1", "db1", … (layers numbered from 1, as the lab does).
        public var name: String
        public var shape: [Int]
        /// The largest elementwise relative error (∞ when the shapes differ and no transposition fits).
        public var error: Double
        public var passed: Bool
        /// What the difference is, when a known mistake explains it exactly; nil otherwise.
        public var diagnosis: String?
    }

    public var rows: [Row]
    public var tolerance: Double
    public var passed: Bool { rows.allSatisfy(\.passed) }

    /// Compares `theirs` (shape and values per array) with `ours`, in the order of `Gradients.layers`
    /// (dW, db per dense layer), and their loss when given. `batch` is N, `outputs` is k; `loss` says
    /// which mistakes can explain a factor (the squared error's 2 and its mean over outputs only for mse).
    public init(ours: Gradients, theirs: [(shape: [Int], values: [Double])], theirLoss: Double? = nil, loss: Loss,
                batch: Int, outputs: Int, tolerance: Double) {
        self.tolerance = tolerance
        var rows: [Row] = []
        if let theirLoss {
            let error = Self.relativeError([theirLoss], [ours.loss])
            rows.append(Row(name: "loss", shape: [], error: error, passed: error <= tolerance,
                            diagnosis: error <= tolerance ? nil : "your loss is \(theirLoss), NNLab's \(ours.loss) (data loss + penalties, the mean over the batch)"))
        }
        let arrays = ours.layers.enumerated().flatMap { i, layer in
            [(name: "dW\(i + 1)", shape: [layer.weights.rows, layer.weights.columns], values: layer.weights.elements, bias: false),
             (name: "db\(i + 1)", shape: [layer.bias.count], values: layer.bias, bias: true)]
        }
        for (k, array) in arrays.enumerated() {
            guard k < theirs.count else {
                rows.append(Row(name: array.name, shape: array.shape, error: .infinity, passed: false, diagnosis: "missing from your file"))
                continue
            }
            let their = theirs[k]
            let sameCount = their.values.count == array.values.count
            let sameShape = their.shape.reduce(1, *) == array.values.count && (their.shape == array.shape || (array.bias && their.shape.count <= 2))
            var error = sameCount && sameShape ? Self.relativeError(their.values, array.values) : .infinity
            var diagnosis: String?
            if array.shape.count == 2, sameCount {
                let transposed = Self.transposed(their.values, rows: array.shape[1], columns: array.shape[0])
                if their.shape == [array.shape[1], array.shape[0]] || array.shape[0] == array.shape[1],
                   error > tolerance, Self.relativeError(transposed, array.values) <= tolerance {
                    let shapes = array.shape[0] == array.shape[1] ? "" : " (\(array.shape[1])×\(array.shape[0]) instead of \(array.shape[0])×\(array.shape[1]))"
                    diagnosis = "your \(array.name) is NNLab's transposed\(shapes): dW = Xᵀ·δ is inputs × units"
                }
            }
            if !sameShape, diagnosis == nil {
                diagnosis = "shape \(Self.describe(their.shape)), expected \(Self.describe(array.shape))"
            }
            if error > tolerance, diagnosis == nil, sameCount {
                diagnosis = Self.factor(their.values, array.values, batch: batch, outputs: outputs, bias: array.bias, mse: loss == .mse, tolerance: tolerance)
                    .map { "your \(array.name) is \($0)" }
            }
            if diagnosis != nil, !sameShape { error = .infinity }
            rows.append(Row(name: array.name, shape: array.shape, error: error, passed: error <= tolerance, diagnosis: error <= tolerance ? nil : diagnosis))
        }
        if theirs.count > arrays.count {
            rows.append(Row(name: "array \(arrays.count + 1)…", shape: theirs[arrays.count].shape, error: .infinity, passed: false,
                            diagnosis: "\(theirs.count - arrays.count) more array(s) than the network's \(arrays.count) (dW and db per dense layer)"))
        }
        self.rows = rows
    }

    /// max_i |a_i − b_i| / max(|a_i|, |b_i|, floor), with floor = 1e-10 · max_i |b_i| (so a 1e-18 where
    /// the other has an exact 0, rounding noise, does not count as a 100% error); 0 where both are 0.
    public static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        let floor = max(1e-300, 1e-10 * (b.map(abs).max() ?? 0))
        var worst = 0.0
        for (x, y) in zip(a, b) {
            guard x != y else { continue }
            guard x.isFinite, y.isFinite else { return .infinity }
            let e = abs(x - y) / max(abs(x), abs(y), floor)
            if e > worst { worst = e }
        }
        return worst
    }

    static func transposed(_ values: [Double], rows: Int, columns: Int) -> [Double] {
        (0..<(rows * columns)).map { i in values[(i % rows) * columns + i / rows] }
    }

    static func describe(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }

    /// The named factor c with theirs = c · ours within the tolerance, in words (every explanation of that
    /// factor, when several give the same number, e.g. N = k); nil when none fits.
    static func factor(_ theirs: [Double], _ ours: [Double], batch n: Int, outputs k: Int, bias: Bool, mse: Bool, tolerance: Double) -> String? {
        let nd = Double(n), kd = Double(k)
        var candidates: [(Double, String)] = [
            (-1, "NNLab's with the sign flipped (a minus sign lost, e.g. in ŷ − y or in the update)"),
            (nd, bias ? "the bias gradient summed over the batch instead of averaged (N = \(n))"
                      : "summed over the batch instead of averaged (N = \(n); the loss is the batch mean)"),
            (1 / nd, "divided by the batch size N = \(n) once more (averaged twice)"),
        ]
        if mse {
            candidates += [(0.5, "the 2 of the squared error's derivative, 2(ŷ − y), missing"), (2, "a factor 2 too many")]
            if k > 1 {
                candidates += [(kd, "the squared error summed over the \(k) outputs instead of averaged (Keras's mse is the mean over outputs)"),
                               (1 / kd, "divided by the \(k) outputs once more"),
                               (nd * kd, "summed over the batch and the outputs (N·k = \(n)·\(k)) instead of averaged"),
                               (0.5 * kd, "the squared error summed over the \(k) outputs, and its derivative's 2 missing")]
            }
            candidates += [(0.5 * nd, "summed over the batch (N = \(n)) and the 2 of the squared error's derivative missing")]
        } else {
            candidates += [(0.5, "a factor 2 missing"), (2, "a factor 2 too many")]
        }
        for sign in [1.0, -1.0] {
            var seen: Set<Double> = []
            for (c, _) in candidates where !seen.contains(c) && !(c == -1 && sign == -1) {
                seen.insert(c)
                let value = sign * c
                guard relativeError(theirs, ours.map { $0 * value }) <= tolerance else { continue }
                // Every explanation of this number (N = 2 is also the squared error's 2; N = k …).
                let words = candidates.filter { $0.0 == c }.map(\.1)
                let times = c == -1 ? "" : (c >= 1 ? "\(readable(c)) × NNLab's: " : "NNLab's ÷ \(readable(1 / c)): ")
                let sign = sign == -1 ? ", and its sign flipped" : ""
                return times + words.joined(separator: ", or ") + sign
            }
        }
        return nil
    }
}
