/// Marching squares: the polylines where a sampled field crosses a level.
///
/// Each 2×2 cell of samples is classified by which corners are ≥ level (16 cases); every edge whose
/// corners differ gets a crossing point at `t = (level − v0)/(v1 − v0)` along it, and the case table
/// joins crossings into segments. Saddles (cases 5 and 10) are resolved by the mean of the four corners.
/// Segments sharing an edge are then chained into polylines (closed loops end where they start).
public enum MarchingSquares {
    /// Polylines in data coordinates through the cell centers of `field`.
    public static func contours(of field: Field, level: Double) -> [[Point]] {
        let nx = field.columns, ny = field.rows, v = field.values
        guard nx >= 2, ny >= 2, level.isFinite else { return [] }
        // Edge keys: horizontal edge from node (i, j) to (i+1, j) -> 2(j nx + i); vertical to (i, j+1) -> 2(j nx + i) + 1.
        var points: [Int: Point] = [:]
        var segments: [(Int, Int)] = []
        func node(_ i: Int, _ j: Int) -> Point { field.center(column: i, row: j) }
        func crossing(_ key: Int) -> Int {
            if points[key] == nil {
                let cell = key / 2, i = cell % nx, j = cell / nx
                let (i1, j1) = key % 2 == 0 ? (i + 1, j) : (i, j + 1)
                let v0 = v[j * nx + i], v1 = v[j1 * nx + i1]
                let t = v1 == v0 ? 0.5 : max(0, min(1, (level - v0) / (v1 - v0)))
                let p0 = node(i, j), p1 = node(i1, j1)
                points[key] = Point(p0.x + t * (p1.x - p0.x), p0.y + t * (p1.y - p0.y))
            }
            return key
        }
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let a = v[j * nx + i], b = v[j * nx + i + 1], c = v[(j + 1) * nx + i + 1], d = v[(j + 1) * nx + i]
                guard a.isFinite, b.isFinite, c.isFinite, d.isFinite else { continue }
                let index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0)
                if index == 0 || index == 15 { continue }
                // Edges: 0 bottom, 1 right, 2 top, 3 left.
                let keys = [2 * (j * nx + i), 2 * (j * nx + i + 1) + 1, 2 * ((j + 1) * nx + i), 2 * (j * nx + i) + 1]
                let centerAbove = (a + b + c + d) / 4 >= level
                let pairs: [(Int, Int)]
                switch index {
                case 1, 14: pairs = [(3, 0)]
                case 2, 13: pairs = [(0, 1)]
                case 3, 12: pairs = [(3, 1)]
                case 4, 11: pairs = [(1, 2)]
                case 6, 9: pairs = [(0, 2)]
                case 7, 8: pairs = [(2, 3)]
                case 5: pairs = centerAbove ? [(0, 1), (2, 3)] : [(3, 0), (1, 2)]
                default: pairs = centerAbove ? [(3, 0), (1, 2)] : [(0, 1), (2, 3)]  // 10
                }
                for (e0, e1) in pairs { segments.append((crossing(keys[e0]), crossing(keys[e1]))) }
            }
        }
        return chain(segments, points: points)
    }

    /// Joins segments that share an end key into polylines.
    static func chain(_ segments: [(Int, Int)], points: [Int: Point]) -> [[Point]] {
        var byKey: [Int: [Int]] = [:]
        for (s, (k0, k1)) in segments.enumerated() { byKey[k0, default: []].append(s); byKey[k1, default: []].append(s) }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [[Point]] = []
        func walk(from key: Int) -> [Int] {
            var keys: [Int] = [], k = key
            while let next = byKey[k]?.first(where: { !used[$0] }) {
                used[next] = true
                let (a, b) = segments[next]
                k = a == k ? b : a
                keys.append(k)
            }
            return keys
        }
        for s in segments.indices where !used[s] {
            used[s] = true
            let (a, b) = segments[s]
            let forward = walk(from: b), backward = walk(from: a)
            let keys = backward.reversed() + [a, b] + forward
            lines.append(keys.compactMap { points[$0] })
        }
        return lines
    }
}
