import NNCore

/// What a `Recorder` keeps, and how finely.
public struct RecorderOptions: Sendable, Hashable {
    /// Grid size of the input-plane snapshots and unit maps (two-input networks only).
    public var gridColumns: Int
    public var gridRows: Int
    /// How grid values are stored: `.double` keeps them exact; `.float` rounds them to float32
    /// precision (still `Double`s) so that their JSON is about half as long.
    public var gridPrecision: GridPrecision
    /// Epochs at which to snapshot the output over the input plane; nil: `snapshotCount` log-spaced
    /// epochs (see `defaultSnapshotEpochs`). The last epoch run is always snapshotted too.
    public var snapshotEpochs: [Int]?
    /// How many snapshots to take when `snapshotEpochs` is nil (including the last epoch).
    public var snapshotCount: Int
    /// The input-plane range; nil: the data's bounding box (see `padding`), or [−1, 1]² without data.
    public var plane: Plane?
    /// The margin added on each side of the data's bounding box, as a fraction of its extent.
    public var padding: Double
    /// Networks with at most this many parameters get every parameter's trajectory; larger ones
    /// only per-layer norms and quantiles.
    public var trajectoryParameterLimit: Int
    /// The most regularly sampled epochs kept (the first, the last and event epochs come on top).
    public var maxSampledEpochs: Int
    /// The levels of the per-layer weight quantiles (0 = min, 0.5 = median, 1 = max).
    public var quantileLevels: [Double]
    /// The most L1 zero crossings recorded; the rest are only counted.
    public var maxSignCrossings: Int

    public init(gridColumns: Int = 200, gridRows: Int = 200, gridPrecision: GridPrecision = .double,
                snapshotEpochs: [Int]? = nil, snapshotCount: Int = 8,
                plane: Plane? = nil, padding: Double = 0.2, trajectoryParameterLimit: Int = 500,
                maxSampledEpochs: Int = 1000, quantileLevels: [Double] = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1],
                maxSignCrossings: Int = 1000) {
        precondition(gridColumns > 0 && gridRows > 0, "the grid size must be positive, received \(gridColumns)×\(gridRows)")
        precondition(snapshotCount >= 1, "snapshotCount must be at least 1 (the last epoch), received \(snapshotCount)")
        precondition(maxSampledEpochs >= 2, "maxSampledEpochs must be at least 2, received \(maxSampledEpochs)")
        precondition(trajectoryParameterLimit >= 0, "trajectoryParameterLimit must be non-negative, received \(trajectoryParameterLimit)")
        precondition(maxSignCrossings >= 0, "maxSignCrossings must be non-negative, received \(maxSignCrossings)")
        precondition(padding >= 0 && padding.isFinite, "padding must be finite and non-negative, received \(padding)")
        precondition(quantileLevels.allSatisfy { $0 >= 0 && $0 <= 1 }, "quantile levels must lie in [0, 1], received \(quantileLevels)")
        self.gridColumns = gridColumns
        self.gridRows = gridRows
        self.gridPrecision = gridPrecision
        self.snapshotEpochs = snapshotEpochs
        self.snapshotCount = snapshotCount
        self.plane = plane
        self.padding = padding
        self.trajectoryParameterLimit = trajectoryParameterLimit
        self.maxSampledEpochs = maxSampledEpochs
        self.quantileLevels = quantileLevels
        self.maxSignCrossings = maxSignCrossings
    }

    /// About `count` log-spaced epochs from the 1-2-5 series (1, 2, 5, 10, 20, 50, …) below `epochs`,
    /// always with epoch 1, and `epochs` itself last.
    ///
    /// When the series has more than `count − 1` members below `epochs`, `count − 1` of them are
    /// taken at evenly spaced positions of the series (first and last member included).
    public static func defaultSnapshotEpochs(epochs: Int, count: Int) -> [Int] {
        guard epochs > 0 else { return [] }
        var series: [Int] = []
        var decade = 1
        outer: while true {
            for m in [1, 2, 5] {
                let (e, overflow) = decade.multipliedReportingOverflow(by: m)
                if overflow || e >= epochs { break outer }
                series.append(e)
            }
            let (next, overflow) = decade.multipliedReportingOverflow(by: 10)
            if overflow { break }
            decade = next
        }
        let slots = count - 1
        var chosen: [Int]
        if series.count <= slots {
            chosen = series
        } else if slots == 1 {
            chosen = [series[0]]
        } else if slots <= 0 {
            chosen = []
        } else {
            // Evenly spaced positions i·(n−1)/(slots−1), rounded half up: integer arithmetic, deterministic.
            let last = series.count - 1
            chosen = (0..<slots).map { series[(2 * $0 * last + (slots - 1)) / (2 * (slots - 1))] }
        }
        return chosen + [epochs]
    }

    /// The snapshot epochs for a run of `epochs` epochs (sorted, unique, within 1…epochs).
    func resolvedSnapshotEpochs(epochs: Int) -> [Int] {
        let wanted = snapshotEpochs ?? RecorderOptions.defaultSnapshotEpochs(epochs: epochs, count: snapshotCount)
        return Array(Set(wanted.filter { $0 >= 1 && $0 <= epochs })).sorted()
    }

    /// The input plane: `plane` if given, else the bounding box of `data`'s inputs padded on each side
    /// by `padding` × its extent (a single value gets a margin of 1).
    public func resolvedPlane(data: Dataset?) -> Plane {
        if let plane { return plane }
        guard let data, data.x.columns == 2, data.count > 0 else { return Plane(x: -1...1, y: -1...1) }
        return Plane.around(data.x, padding: padding)
    }
}

/// How a recorder stores grid values.
public enum GridPrecision: String, Sendable, Hashable, Codable {
    /// Exactly as the network computed them.
    case double
    /// The shortest decimal that identifies the nearest float32 (`Float(v).description`, at most 9
    /// significant digits), read back as a Double: JSON about half as long, error ≤ 2⁻²⁴·|v|.
    case float

    /// `value` in this precision.
    func stored(_ value: Double) -> Double {
        switch self {
        case .double: value
        // The Double nearest a decimal of ≤ 15 digits prints as that decimal again, so JSON stays short.
        case .float: Double(Float(value).description) ?? value
        }
    }
}
