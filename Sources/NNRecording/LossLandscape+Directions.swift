import NNCore

extension LossLandscape {
    /// The two leading principal directions of the offsets xₚ = θₚ − c (k points, n parameters).
    ///
    /// With M the k × n matrix of offsets, the directions are the top two eigenvectors of the scatter
    /// matrix MᵀM (n × n), found through whichever of MᵀM and the Gram matrix MMᵀ (k × k) is smaller:
    /// an eigenvector u of MMᵀ with eigenvalue λ gives the direction d = Mᵀu / √λ. The PCA is about the
    /// center, not the mean (Li et al. 2018 centre on the final weights), so a path through c along a
    /// line has all of its spread in d₁.
    ///
    /// Reproducible: the eigen solver is deterministic (`SymmetricEigen`), d₂ is re-orthogonalized
    /// against d₁, and each direction's sign is chosen so that its largest-magnitude component (the
    /// first one on ties) is positive. When the offsets span fewer than two dimensions (λ₂ ≤ 10⁻¹²·λ₁),
    /// d₂ is the coordinate axis on which d₁ is smallest (the first on ties), orthogonalized against d₁;
    /// when every offset is zero the directions are the first two coordinate axes.
    static func principalDirections(of offsets: [[Double]], dimension n: Int) -> [[Double]] {
        let k = offsets.count
        let axes = [0, 1].map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        guard offsets.contains(where: { $0.contains { $0 != 0 } }) else { return axes }
        let m = min(k, n)
        var scatter = [Double](repeating: 0, count: m * m)
        if n <= k {
            // MᵀM: accumulate the outer product of each offset (upper triangle, then mirror).
            for x in offsets {
                for i in 0..<n where x[i] != 0 {
                    for j in i..<n { scatter[i * n + j] += x[i] * x[j] }
                }
            }
        } else {
            for i in 0..<k { for j in i..<k { scatter[i * k + j] = SymmetricEigen.dot(offsets[i], offsets[j]) } }
        }
        for i in 0..<m { for j in 0..<i { scatter[i * m + j] = scatter[j * m + i] } }
        let wanted = min(2, m)
        let eigen = SymmetricEigen(largest: wanted, of: scatter, size: m)
        var directions: [[Double]] = []
        for (value, vector) in zip(eigen.values, eigen.vectors) {
            guard value > 1e-12 * eigen.values[0], value > 0 else { break }
            var d = n <= k ? vector : SymmetricEigen.combine(offsets, vector)
            for previous in directions {
                let overlap = SymmetricEigen.dot(previous, d)
                for j in d.indices { d[j] -= overlap * previous[j] }
            }
            let length = SymmetricEigen.norm(d)
            guard length > 0 else { break }
            directions.append(d.map { $0 / length })
        }
        if directions.count < 2, let first = directions.first {
            // A rank-one set of offsets: any unit vector orthogonal to d₁ spans the plane; take the
            // coordinate axis least aligned with d₁ so the choice is fixed.
            var axis = 0
            for j in 1..<n where abs(first[j]) < abs(first[axis]) { axis = j }
            var d = (0..<n).map { (j: Int) -> Double in (j == axis ? 1 : 0) - first[axis] * first[j] }
            let length = SymmetricEigen.norm(d)
            d = d.map { $0 / length }
            directions.append(d)
        }
        guard directions.count == 2 else { return axes }
        return directions.map(signNormalized)
    }

    /// `d` or −d, whichever has a positive largest-magnitude component (the first one on ties).
    static func signNormalized(_ d: [Double]) -> [Double] {
        var largest = 0
        for j in d.indices where abs(d[j]) > abs(d[largest]) { largest = j }
        return d[largest] < 0 ? d.map { -$0 } : d
    }
}

extension LossLandscape.Path {
    /// The parameter vectors of a recorded run at its sampled epochs, after `initial` (the weights
    /// before training, which the record does not hold) when given; nil when the record has no
    /// per-parameter trajectories (networks above `trajectoryParameterLimit`).
    public init?(name: String, record: RunRecord, initial: [Double]? = nil) {
        let trajectories = record.samples.trajectories
        guard !trajectories.isEmpty else { return nil }
        precondition(initial == nil || initial?.count == trajectories.count,
                     "the initial parameters need \(trajectories.count) values, received \(initial?.count ?? 0)")
        var points: [[Double]] = initial.map { [$0] } ?? []
        for e in record.samples.epochs.indices {
            var point = [Double](repeating: 0, count: trajectories.count)
            for trajectory in trajectories { point[trajectory.parameter.index] = trajectory.values[e] }
            points.append(point)
        }
        self.init(name: name, points: points)
    }
}
