/// The input plane coloured by the class a classifier picks at each cell (the argmax of its outputs),
/// as one image: class k in palette colour k, lightened so the data points on top stay visible, with
/// a thin line where the picked class changes. TensorFlow Playground and scikit-learn draw multi-class
/// decision regions this way.
public struct ClassRegions: Sendable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
    public var columns: Int
    public var rows: Int
    /// The class per cell, row-major with row 0 at the bottom (y = lower bound), as `Field`.
    public var classes: [Int]
    /// How far each class colour is mixed towards white (0: the palette colour).
    public var lightening: Double
    /// The scores the classes were picked from (one field per class), when known: the lines between
    /// regions follow where two scores tie, smoothly, instead of the cells' staircase.
    public var scores: [Field]?

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int, classes: [Int], lightening: Double = 0.55) {
        self.x = x; self.y = y; self.columns = columns; self.rows = rows; self.classes = classes; self.lightening = lightening
    }

    /// The argmax class of each cell of `fields` (one per output, all on the same grid); a cell where
    /// any output is not finite gets class −1 (drawn transparent).
    public init(argmaxOf fields: [Field], lightening: Double = 0.55) {
        let first = fields.first ?? Field(x: 0...1, y: 0...1, columns: 1, rows: 1, values: [.nan])
        var classes = [Int](repeating: -1, count: first.values.count)
        for i in classes.indices {
            var best = -Double.infinity
            for (k, f) in fields.enumerated() {
                let v = i < f.values.count ? f.values[i] : .nan
                guard v.isFinite else { best = .nan; break }
                if v > best { best = v; classes[i] = k }
            }
            if best.isNaN { classes[i] = -1 }
        }
        self.init(x: first.x, y: first.y, columns: first.columns, rows: first.rows, classes: classes, lightening: lightening)
        scores = fields
    }

    /// The classes that occur, ascending.
    public var classesShown: [Int] { Set(classes.filter { $0 >= 0 }).sorted() }

    /// The cells as a raster (row 0 at the top), each class in its lightened palette colour.
    public func raster() -> Raster {
        var pixels = [UInt32](repeating: 0, count: columns * rows)
        let colours = Dictionary(uniqueKeysWithValues: classesShown.map { ($0, Color.palette($0).mix(.white, lightening).premultipliedARGB) })
        for r in 0..<rows {
            let source = (rows - 1 - r) * columns
            for c in 0..<columns where source + c < classes.count {
                if let colour = colours[classes[source + c]] { pixels[r * columns + c] = colour }
            }
        }
        return Raster(width: columns, height: rows, pixels: pixels)
    }
}

extension ClassRegions: Mark {
    public var name: String { "" }
    public var takesPaletteColor: Bool { false }
    public var label: String { "class regions" }

    public func validate(on chart: Chart, location: String) throws(PlotError) {
        guard columns >= 1, rows >= 1 else {
            throw PlotError.invalidValue(what: "grid size", expected: "at least 1×1", received: "\(columns)×\(rows)", location: location)
        }
        guard classes.count == columns * rows else {
            throw PlotError.lengthMismatch(what: "classes", expected: columns * rows, received: classes.count, location: location)
        }
        try chart.checkExtent(x: x, y: y, location: location)
    }

    public func extent(_ dimension: Dimension, on chart: Chart) -> (values: [Double], exact: Bool) {
        let r = dimension == .x ? x : y
        return ([r.lowerBound, r.upperBound], true)
    }

    public func legendEntries(color: Color, theme: Theme) -> [LegendEntry] { [] }

    public func draw(in c: MarkContext) {
        let x0 = c.x(x.lowerBound), x1 = c.x(x.upperBound), y0 = c.y(y.upperBound), y1 = c.y(y.lowerBound)
        c.renderer.draw(image: raster(), in: Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)),
                        smoothing: .nearest)
        // Where the picked class changes: the zero contour of each class's margin over the best other class
        // (sₖ − maxⱼ≠ₖ sⱼ), or without scores the 0.5 contour of each class's indicator.
        var path = Path()
        let usesScores = scores.map { $0.count > 1 && $0.allSatisfy { $0.values.count == classes.count } } ?? false
        // Per cell, the two largest scores: the best other class than k is the runner-up where k leads, else the leader.
        var first = [Double](repeating: -.infinity, count: usesScores ? classes.count : 0)
        var second = first
        if usesScores, let scores {
            for field in scores {
                for i in classes.indices {
                    let v = field.values[i]
                    if v > first[i] { second[i] = first[i]; first[i] = v } else if v > second[i] { second[i] = v }
                }
            }
        }
        for k in classesShown {
            let values: [Double]
            if usesScores, let scores {
                values = classes.indices.map { i in
                    let own = scores[k].values[i]
                    return own - (own == first[i] ? second[i] : first[i])
                }
            } else {
                values = classes.map { $0 == k ? 1 : -1 }
            }
            let margin = Field(x: x, y: y, columns: columns, rows: rows, values: values)
            for line in MarchingSquares.contours(of: margin, level: 0) {
                for (i, p) in line.enumerated() {
                    let q = c.point(p.x, p.y)
                    if i == 0 { path.move(to: q) } else { path.line(to: q) }
                }
            }
        }
        if !path.isEmpty { c.renderer.stroke(path, style: StrokeStyle(color: Color(gray: 0.2), width: 1.2, cap: .round)) }
    }
}
