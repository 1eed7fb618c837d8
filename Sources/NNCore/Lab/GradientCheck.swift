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
    /// (dW, db per dense layer). `batch` is N, `outputs` is k.
    public init(ours: Gradients, theirs: [(shape: [Int], values: [Double])], batch: Int, outputs: Int, tolerance: Double) {
        self.tolerance = tolerance
        var rows: [Row] = []
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
                    diagnosis = "your \(array.name) is NNLab's transposed (\(array.shape[1])×\(array.shape[0]) instead of \(array.shape[0])×\(array.shape[1])): dW = Xᵀ·δ is inputs × units"
                }
            }
            if !sameShape, diagnosis == nil {
                diagnosis = "shape \(Self.describe(their.shape)), expected \(Self.describe(array.shape))"
            }
            if error > tolerance, diagnosis == nil, sameCount {
                diagnosis = Self.factor(their.values, array.values, batch: batch, outputs: outputs, bias: array.bias, tolerance: tolerance)
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

    /// max_i |a_i − b_i| / max(|a_i|, |b_i|), 0 where both are 0.
    public static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        var worst = 0.0
        for (x, y) in zip(a, b) {
            let scale = max(abs(x), abs(y))
            guard scale > 0 else { continue }
            let e = abs(x - y) / scale
            if !(e <= worst) { worst = e.isNaN ? .infinity : e }
        }
        return worst
    }

    static func transposed(_ values: [Double], rows: Int, columns: Int) -> [Double] {
        (0..<(rows * columns)).map { i in values[(i % rows) * columns + i / rows] }
    }

    static func describe(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }

    /// The named factor c with theirs = c · ours within the tolerance, in words; nil when none fits.
    static func factor(_ theirs: [Double], _ ours: [Double], batch n: Int, outputs k: Int, bias: Bool, tolerance: Double) -> String? {
        let nd = Double(n), kd = Double(k)
        var candidates: [(Double, String)] = [
            (-1, "NNLab's with the sign flipped (a minus sign lost, e.g. in ŷ − y or in the update)"),
            (nd, bias ? "\(n) × NNLab's: the bias gradient summed over the batch instead of averaged (N = \(n))"
                      : "\(n) × NNLab's: summed over the batch instead of averaged (N = \(n); the loss is the batch mean)"),
            (1 / nd, "NNLab's ÷ \(n): divided by the batch size N = \(n) once more (averaged twice)"),
            (0.5, "half NNLab's: the 2 of the squared error's derivative, 2(ŷ − y), is missing"),
            (2, "twice NNLab's: a factor 2 too many"),
        ]
        if k > 1 {
            candidates += [(kd, "\(k) × NNLab's: the squared error summed over the \(k) outputs instead of averaged (Keras's mse is the mean over outputs)"),
                           (1 / kd, "NNLab's ÷ \(k): divided by the \(k) outputs once more"),
                           (nd * kd, "\(n * k) × NNLab's: summed over the batch and the outputs (N·k = \(n)·\(k)) instead of averaged"),
                           (0.5 * kd, "\(kd / 2) × NNLab's: the squared error summed over the \(k) outputs, and its derivative's 2 missing")]
        }
        candidates += [(0.5 * nd, "\(nd / 2) × NNLab's: summed over the batch (N = \(n)) and the 2 of the squared error's derivative missing")]
        for (c, words) in candidates {
            let scaled = ours.map { $0 * c }
            if relativeError(theirs, scaled) <= tolerance { return words }
            if c != -1, relativeError(theirs, scaled.map { -$0 }) <= tolerance { return words + ", and its sign flipped" }
        }
        return nil
    }
}
