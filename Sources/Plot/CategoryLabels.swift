import Foundation

/// Category names written along a run of equal cells (a matrix's columns below it, its rows on its
/// left): which names are written, in what font and at what angle, so that neighbours never overlap.
///
/// Column names are level when the widest fits its cell. Otherwise they turn 45°, then 90°,
/// counter-clockwise, ending under their cell's centre: turned by θ, names `c` apart along the cells
/// lie `c · sin θ` apart across their baselines, which must hold a line of text (`h + gap`). A name of
/// width `w` then reaches `w sin θ + h cos θ` below the cells, and names are shortened with "…" only
/// when that would exceed the room allowed (at the angle leaving the longest names). Row names are
/// level and shortened beyond their room. Where even upright (or level row) names are closer than a
/// line, the font shrinks (to 70% at most), then only every k-th name is written.
struct CategoryLabels: Equatable {
    /// Counter-clockwise degrees: 0, 45 or 90.
    var rotation: Double
    var font: Font
    /// One per cell: the name as written (ending in "…" when shortened; "" when skipped).
    var labels: [String]
    /// How far the labels reach from the cells' edge (down for columns, left for rows).
    var extent: Double

    /// The space kept between neighbouring labels.
    static let gap = 3.0
    /// The angles tried for column names that do not fit level, in order.
    static let rotations = [45.0, 90.0]

    /// Column names under cells `cell` wide, reaching at most `room` below them.
    static func columns(_ names: [String], cell: Double, room: Double, font: Font, renderer r: Renderer) -> CategoryLabels {
        let h = r.lineHeight(font)
        let widest = names.map { r.measure($0, font: font).width }.max() ?? 0
        if widest + gap <= cell {
            return CategoryLabels(rotation: 0, font: font, labels: names, extent: h)
        }
        // The angles at which neighbours clear each other.
        let clear = rotations.filter { cell * sin($0 * .pi / 180) >= h + gap }
        if let θ = clear.first(where: { reach(widest, h, $0) <= room }) {
            return CategoryLabels(rotation: θ, font: font, labels: names, extent: reach(widest, h, θ))
        }
        if let θ = clear.max(by: { longest(room, h, $0) < longest(room, h, $1) }) {
            return rotated(names, by: θ, font: font, every: 1, room: room, renderer: r)
        }
        // Even upright names overlap: a smaller font, then every k-th name.
        var small = font
        small.size = font.size * max(0.7, min(1, (cell - gap) / h))
        let every = spacing(r.lineHeight(small) + gap, cell: cell)
        return rotated(names, by: 90, font: small, every: every, room: room, renderer: r)
    }

    /// Row names beside cells `cell` high, reaching at most `room` to their left.
    static func rows(_ names: [String], cell: Double, room: Double, font: Font, renderer r: Renderer) -> CategoryLabels {
        var font = font
        var every = 1
        let h = r.lineHeight(font)
        if h > cell {
            font.size *= max(0.7, cell / h)
            every = spacing(r.lineHeight(font), cell: cell)
        }
        let labels = names.enumerated().map { i, name in i % every == 0 ? r.shortened(name, font: font, width: room) : "" }
        let extent = labels.map { r.measure($0, font: font).width }.max() ?? 0
        return CategoryLabels(rotation: 0, font: font, labels: labels, extent: extent)
    }

    /// Names turned by `θ`, every `every`-th written, shortened to reach at most `room`.
    private static func rotated(_ names: [String], by θ: Double, font: Font, every: Int, room: Double, renderer r: Renderer) -> CategoryLabels {
        let h = r.lineHeight(font)
        let width = max(0, longest(room, h, θ))
        let labels = names.enumerated().map { i, name in i % every == 0 ? r.shortened(name, font: font, width: width) : "" }
        let widest = labels.map { r.measure($0, font: font).width }.max() ?? 0
        return CategoryLabels(rotation: θ, font: font, labels: labels, extent: reach(widest, h, θ))
    }

    /// Every how many cells a label `size` long fits: ⌈size / cell⌉, where a font shrunk to fit
    /// exactly (size = cell up to rounding) gives 1.
    static func spacing(_ size: Double, cell: Double) -> Int {
        let k = (size / cell * (1 - 1e-9)).rounded(.up)
        guard cell > 0, k < 1e15 else { return Int.max }
        return max(1, Int(k))
    }

    /// How far a name `w` wide and `h` high reaches below the cells turned by `θ`: `w sin θ + h cos θ`.
    static func reach(_ w: Double, _ h: Double, _ θ: Double) -> Double {
        w * sin(θ * .pi / 180) + h * cos(θ * .pi / 180)
    }

    /// The widest name that reaches at most `room` turned by `θ`: `(room − h cos θ) / sin θ`.
    static func longest(_ room: Double, _ h: Double, _ θ: Double) -> Double {
        (room - h * cos(θ * .pi / 180)) / sin(θ * .pi / 180)
    }

    /// Where column label `j` is drawn for cells starting at `x0`, `cell` wide, with their lower edge at `top`.
    /// Level names hang centred from `top`; turned ones end at the cell's centre with their upper
    /// corner on `top` (the anchor sits `h/2 · cos θ` lower).
    func columnPlacement(_ j: Int, x0: Double, cell: Double, top: Double, renderer r: Renderer, color: Color) -> (point: Point, style: TextStyle) {
        let x = x0 + (Double(j) + 0.5) * cell
        guard rotation != 0 else { return (Point(x, top), TextStyle(font: font, color: color, anchor: .topCenter)) }
        let h = r.lineHeight(font)
        return (Point(x, top + h / 2 * cos(rotation * .pi / 180)), TextStyle(font: font, color: color, anchor: .trailingMiddle, rotation: rotation))
    }

    /// How far the column labels reach beyond the outer edges of the first and last cells.
    func columnOverhang(cell: Double, renderer r: Renderer) -> (left: Double, right: Double) {
        let widths: [Double] = labels.map { $0.isEmpty ? 0 : r.measure($0, font: font).width }
        let n = labels.count
        /// Cell centres from the first cell's left edge and from the last cell's right edge.
        func fromLeft(_ j: Int) -> Double { (Double(j) + 0.5) * cell }
        func fromRight(_ j: Int) -> Double { (Double(n - j) - 0.5) * cell }
        if rotation == 0 {
            let left = widths.indices.map { widths[$0] / 2 - fromLeft($0) }.max() ?? 0
            let right = widths.indices.map { widths[$0] / 2 - fromRight($0) }.max() ?? 0
            return (max(0, left), max(0, right))
        }
        let h = r.lineHeight(font), θ = rotation * .pi / 180
        // Turned, a name reaches w cos θ + h/2 sin θ left of its anchor and h/2 sin θ right of it.
        let left = widths.indices.map { widths[$0] * cos(θ) + h / 2 * sin(θ) - fromLeft($0) }.max() ?? 0
        return (max(0, left), max(0, h / 2 * sin(θ) - cell / 2))
    }
}
