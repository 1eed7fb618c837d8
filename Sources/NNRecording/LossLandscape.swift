import NNCore

/// The loss surface over a plane of parameter space, with optimizer paths projected onto it.
///
/// The plane passes through `center` c and is spanned by two unit directions d₁, d₂ (`directions`):
///
///     θ(α, β) = c + α d₁ + β d₂
///
/// either two coordinate axes (a two-parameter slice: the other parameters stay at c) or the two
/// principal directions of the paths about c (Li et al. 2018, "Visualizing the loss landscape of neural
/// nets", §7; see `principalDirections`). Each path point θ is projected by least squares,
///
///     (α, β) = argmin ‖θ − c − α d₁ − β d₂‖,
///
/// and `surface` holds the TOTAL loss L(θ(α, β)) (data loss + penalties, `Network.evaluate`) on a grid
/// of nodes covering every projected point and the origin with a margin. The nodes include (0, 0)
/// exactly, so the surface there is the loss at the center.
///
/// A path point off the plane (`ProjectedPath.maxResidual` > 0) is drawn at its projection, but its own
/// loss is not the surface's value below it: the surface is the loss *in the plane*. With principal
/// directions, `explainedShare` says how much of the paths' spread the plane holds.
public struct LossLandscape: Codable, Sendable, Equatable {
    /// Which plane to cut through parameter space.
    public enum PlaneChoice: Codable, Sendable, Equatable {
        /// Parameters `first` and `second` (indices into `Network.parameterVector`) vary; the others
        /// stay at the center.
        case parameters(Int, Int)
        /// The two leading principal directions of all path points about the center.
        case principalDirections
    }

    /// A named sequence of parameter vectors, e.g. one optimizer's weights from start to end.
    public struct Path: Codable, Sendable, Equatable {
        public var name: String
        public var points: [[Double]]

        public init(name: String, points: [[Double]]) {
            self.name = name
            self.points = points
        }
    }

    /// A path's coordinates in the plane.
    public struct ProjectedPath: Codable, Sendable, Equatable {
        public var name: String
        public var alpha: [Double]
        public var beta: [Double]
        /// The largest distance ‖θ − θ(α, β)‖ of a point from the plane (0 when the path lies in it).
        public var maxResidual: Double
    }

    public var plane: PlaneChoice
    /// The plane's origin c.
    public var center: [Double]
    /// The total loss at the center.
    public var centerLoss: Double
    /// d₁ and d₂, unit vectors in parameter space.
    public var directions: [[Double]]
    /// The axes' names: the two parameters' labels ("W1[0,1]") for a slice, "direction 1" and
    /// "direction 2" for principal directions.
    public var axisNames: [String]
    /// For each direction, the share of the paths' squared distance from the center along it:
    ///
    ///     share_i = Σ_p (d_iᵀ(θ_p − c))² / Σ_p ‖θ_p − c‖²
    ///
    /// (for principal directions, λ_i / Σλ: the "variance explained" about the center; 0 when every
    /// point is the center).
    public var explainedShare: [Double]
    public var paths: [ProjectedPath]
    /// The grid nodes' α (columns) and β (rows), ascending; each contains 0 exactly.
    public var alphas: [Double]
    public var betas: [Double]
    /// The loss at the nodes: `surface[column, row]` = L(θ(alphas[column], betas[row])). Its extent
    /// reaches half a step beyond the outer nodes, so the nodes are the cell centers (Plot's layout).
    public var surface: Grid

    /// Computes the plane, the projections and the surface.
    ///
    /// - Parameters:
    ///   - network: the network whose structure and loss are evaluated (its weights are not used).
    ///   - data: the data the loss is evaluated on (the training data).
    ///   - paths: at least one non-empty path; every point has `network.parameterCount` values. Points
    ///     with a non-finite value (a diverged run) are left out of the plane and extent and get NaN
    ///     coordinates (gaps in a plot).
    ///   - center: the plane's origin (finite); nil: the last finite point of the first path (Li et
    ///     al.'s choice: the final weights).
    ///   - columns, rows: grid nodes along α and β (at least 3 each).
    ///   - margin: added beyond the projected points' bounding box on each side, as a fraction of its extent.
    ///
    /// Cost: `columns × rows` loss evaluations on `data`, plus O(k·n·min(k, n)) for the principal
    /// directions of k path points with n parameters.
    public init(network: Network, data: Dataset, paths: [Path], plane: PlaneChoice = .principalDirections,
                center: [Double]? = nil, columns: Int = 61, rows: Int = 61, margin: Double = 0.2) {
        let n = network.parameterCount
        precondition(n >= 2, "a loss landscape needs a network with at least 2 parameters, received \(n)")
        precondition(!paths.isEmpty && paths.allSatisfy { !$0.points.isEmpty }, "a loss landscape needs at least one non-empty path")
        precondition(paths.allSatisfy { $0.points.allSatisfy { $0.count == n } },
                     "every path point needs \(n) parameters (the network's parameterCount)")
        precondition(columns >= 3 && rows >= 3, "the landscape grid needs at least 3×3 nodes, received \(columns)×\(rows)")
        precondition(margin >= 0 && margin.isFinite, "margin must be finite and non-negative, received \(margin)")
        let isFinite = { (point: [Double]) in point.allSatisfy(\.isFinite) }
        // A diverged run ends in non-finite weights: the default center is the first path's last finite point.
        let defaultCenter = paths[0].points.last(where: isFinite)
        precondition(center != nil || defaultCenter != nil, "the first path has no finite point to center the landscape on")
        let origin = center ?? defaultCenter ?? []
        precondition(origin.count == n && isFinite(origin), "the center needs \(n) finite parameters, received \(origin)")

        let offsets = paths.flatMap { $0.points.map { point in zip(point, origin).map { $0 - $1 } } }
        // Non-finite points (divergence) take no part in the directions, shares and extent; they project to NaN.
        let finiteOffsets = offsets.filter(isFinite)
        let directions: [[Double]]
        switch plane {
        case let .parameters(first, second):
            precondition(first != second && (0..<n).contains(first) && (0..<n).contains(second),
                         "a slice needs two different parameter indices in 0..<\(n), received \(first) and \(second)")
            directions = [first, second].map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
            let labels = LossLandscape.parameterLabels(network)
            axisNames = [labels[first], labels[second]]
        case .principalDirections:
            directions = LossLandscape.principalDirections(of: finiteOffsets, dimension: n)
            axisNames = ["direction 1", "direction 2"]
        }
        self.plane = plane
        self.center = origin
        self.directions = directions

        let projection = PlaneProjection(directions[0], directions[1])
        var projected: [ProjectedPath] = []
        var cursor = 0, total = 0.0, along = [0.0, 0.0]
        for path in paths {
            var alpha: [Double] = [], beta: [Double] = [], worst = 0.0
            for _ in path.points {
                let offset = offsets[cursor]
                cursor += 1
                guard isFinite(offset) else { alpha.append(.nan); beta.append(.nan); continue }
                let (a, b, residual) = projection.project(offset)
                alpha.append(a); beta.append(b); worst = max(worst, residual)
                total += SymmetricEigen.dot(offset, offset)
                let along1 = SymmetricEigen.dot(directions[0], offset), along2 = SymmetricEigen.dot(directions[1], offset)
                along[0] += along1 * along1; along[1] += along2 * along2
            }
            projected.append(ProjectedPath(name: path.name, alpha: alpha, beta: beta, maxResidual: worst))
        }
        self.paths = projected
        explainedShare = total > 0 ? along.map { $0 / total } : [0, 0]

        let allAlpha = projected.flatMap(\.alpha).filter(\.isFinite), allBeta = projected.flatMap(\.beta).filter(\.isFinite)
        let spanA = LossLandscape.span(allAlpha), spanB = LossLandscape.span(allBeta)
        // A degenerate axis (a path on a line, a parameter that never moved) borrows the other's extent.
        let fallback = max(spanA, spanB) > 0 ? max(spanA, spanB) : 1
        let (alphas, stepA) = LossLandscape.nodes(allAlpha, span: spanA > 0 ? spanA : fallback, count: columns, margin: margin)
        let (betas, stepB) = LossLandscape.nodes(allBeta, span: spanB > 0 ? spanB : fallback, count: rows, margin: margin)
        self.alphas = alphas
        self.betas = betas

        var values = [Double](repeating: .nan, count: columns * rows)
        var probe = network
        var theta = origin
        for (r, beta) in betas.enumerated() {
            for (c, alpha) in alphas.enumerated() {
                for j in 0..<n { theta[j] = origin[j] + alpha * directions[0][j] + beta * directions[1][j] }
                probe.parameterVector = theta
                values[r * columns + c] = probe.evaluate(data.x, data.y)
            }
        }
        surface = Grid(x: (alphas[0] - stepA / 2)...(alphas[columns - 1] + stepA / 2),
                       y: (betas[0] - stepB / 2)...(betas[rows - 1] + stepB / 2), columns: columns, rows: rows, values: values)
        probe.parameterVector = origin
        centerLoss = probe.evaluate(data.x, data.y)
    }

    /// θ(α, β) = c + α d₁ + β d₂.
    public func parameters(alpha: Double, beta: Double) -> [Double] {
        (0..<center.count).map { center[$0] + alpha * directions[0][$0] + beta * directions[1][$0] }
    }

    /// The loss at node (column, row), i.e. at θ(alphas[column], betas[row]).
    public subscript(column: Int, row: Int) -> Double { surface[column, row] }

    /// `count` nodes k·h (k an integer, so 0 is a node) covering the values and 0 with `margin`·`span`
    /// on each side: h = (hi − lo)/(count − 2) and the first node is ⌊lo/h⌋·h, so the last one,
    /// (⌊lo/h⌋ + count − 1)·h ≥ lo − h + (count − 1)·h = hi.
    static func nodes(_ values: [Double], span: Double, count: Int, margin: Double) -> (nodes: [Double], step: Double) {
        let low = min(values.min() ?? 0, 0), high = max(values.max() ?? 0, 0)
        let middle = (low + high) / 2, width = max(high - low, span)
        let lo = middle - width / 2 - margin * width, hi = middle + width / 2 + margin * width
        let step = (hi - lo) / Double(count - 2)
        let first = Int((lo / step).rounded(.down))
        return ((0..<count).map { Double(first + $0) * step }, step)
    }

    static func span(_ values: [Double]) -> Double {
        guard let low = values.min(), let high = values.max() else { return 0 }
        return high - low
    }

    /// "W1[0,1]", "b2[0]", … for every parameter, dense layers numbered from 1.
    static func parameterLabels(_ network: Network) -> [String] {
        var numbers: [Int: Int] = [:]
        for (i, dense) in network.denseLayers.enumerated() { numbers[dense.index] = i + 1 }
        return ParameterAddress.all(in: network).map { $0.label(denseNumber: numbers[$0.layer] ?? 0) }
    }
}

/// Least-squares coordinates in the plane spanned by d₁, d₂ (through the origin of the offsets):
/// solves the 2 × 2 normal equations [d₁ᵀd₁ d₁ᵀd₂; d₁ᵀd₂ d₂ᵀd₂] (α, β) = (d₁ᵀx, d₂ᵀx), which also
/// holds for directions that are not exactly orthonormal.
struct PlaneProjection {
    let d1: [Double], d2: [Double]
    let g11: Double, g12: Double, g22: Double, determinant: Double

    init(_ d1: [Double], _ d2: [Double]) {
        self.d1 = d1
        self.d2 = d2
        g11 = SymmetricEigen.dot(d1, d1); g12 = SymmetricEigen.dot(d1, d2); g22 = SymmetricEigen.dot(d2, d2)
        determinant = g11 * g22 - g12 * g12
        precondition(determinant > 0, "the landscape's directions must be linearly independent")
    }

    /// (α, β) and the residual ‖x − α d₁ − β d₂‖.
    func project(_ x: [Double]) -> (alpha: Double, beta: Double, residual: Double) {
        let b1 = SymmetricEigen.dot(d1, x), b2 = SymmetricEigen.dot(d2, x)
        let alpha = (g22 * b1 - g12 * b2) / determinant, beta = (g11 * b2 - g12 * b1) / determinant
        var residual = 0.0
        for j in x.indices { let r = x[j] - alpha * d1[j] - beta * d2[j]; residual += r * r }
        return (alpha, beta, residual.squareRoot())
    }
}
