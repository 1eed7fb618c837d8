/// Which axes the charts of a figure share (same domain in every chart panel).
public struct SharedAxes: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let x = SharedAxes(rawValue: 1)
    public static let y = SharedAxes(rawValue: 2)
    public static let both: SharedAxes = [.x, .y]
}

/// A figure: a title over a grid of panels (small multiples), `width × height` figure units.
///
/// Rendering backends call `draw(in:)`; PlotCairo adds PNG/SVG/PDF output on top:
///
/// ```swift
/// let loss = Chart(title: "Loss", x: Axis("epoch"), y: Axis("loss", scale: .log),
///                  marks: Marks.seedSummary("λ = 0.01", runs: lossPerSeed))   // median line over IQR band
/// let field = Field(x: -2...2, y: -2...2, columns: 200, rows: 200) { x, y in model(x, y) }
/// let boundary = Chart(x: Axis("x₁"), y: Axis("x₂"),
///                      marks: Marks.decisionBoundary(field, threshold: 0.5, range: 0...1, x: xs, y: ys, classes: labels))
/// let figure = Figure(title: "Run 3", width: 960, height: 420, columns: 2, panels: [.chart(loss), .chart(boundary)])
/// try figure.write(to: "run3.svg")            // .png, .svg or .pdf by extension
/// let png = try figure.pngData(scale: 2)      // HiDPI bytes in memory
/// ```
public struct Figure: Sendable {
    public var title: String?
    public var width: Double
    public var height: Double
    /// Panels per row; rows follow from the panel count.
    public var columns: Int
    public var panels: [Panel]
    public var sharedAxes: SharedAxes
    public var theme: Theme
    /// One colour bar for every panel, right of the grid (panels of one colour scale: see `sharingColorbar`).
    public var colorbar: Colorbar?

    public init(title: String? = nil, width: Double = 800, height: Double = 600, columns: Int = 1,
                sharedAxes: SharedAxes = [], theme: Theme = .standard, panels: [Panel]) {
        self.title = title; self.width = width; self.height = height; self.columns = columns
        self.panels = panels; self.sharedAxes = sharedAxes; self.theme = theme
    }

    /// A figure holding one chart.
    public init(width: Double = 800, height: Double = 600, theme: Theme = .standard, _ chart: Chart) {
        self.init(width: width, height: height, theme: theme, panels: [.chart(chart)])
    }

    /// A figure holding one panel of any kind.
    public init(width: Double = 800, height: Double = 600, theme: Theme = .standard, panel: Panel) {
        self.init(width: width, height: height, theme: theme, panels: [panel])
    }

    var name: String { title.map { "figure '\($0)'" } ?? "figure" }

    /// The figure with one colour bar beside its grid instead of one per panel: every chart panel's
    /// marks lose their colour bars, and the first one found becomes the figure's. For small multiples
    /// drawn on one colour scale (decision boundaries of one range).
    public func sharingColorbar() -> Figure {
        var copy = self
        for p in copy.panels.indices {
            guard case .chart(var chart) = copy.panels[p] else { continue }
            for m in chart.marks.indices {
                guard var heatmap = chart.marks[m] as? Heatmap else { continue }
                if copy.colorbar == nil, let bar = heatmap.colorbarToShow { copy.colorbar = bar }
                heatmap.colorbar = nil
                chart.marks[m] = heatmap
            }
            copy.panels[p] = .chart(chart)
        }
        return copy
    }

    /// The width kept right of the grid for the shared colour bar.
    func colorbarRoom(renderer r: Renderer) -> Double {
        colorbar.map { 2 * theme.padding + $0.width(length: height / 2, renderer: r, theme: theme) } ?? 0
    }

    /// Throws `PlotError` naming the figure, panel and series at fault.
    public func validate() throws(PlotError) {
        guard width > 0, height > 0, width.isFinite, height.isFinite else {
            throw PlotError.invalidFigureSize(width: width, height: height)
        }
        guard columns >= 1 else {
            throw PlotError.invalidValue(what: "columns", expected: "≥ 1", received: "\(columns)", location: name)
        }
        guard !panels.isEmpty else { throw PlotError.empty(what: "panels", location: name) }
        for (i, p) in panels.enumerated() {
            try p.validate(name + " › panel \(i + 1)" + (p.title.map { " '\($0)'" } ?? ""))
        }
    }

    /// The rectangle of panel `index` in the grid below the title.
    func panelRects(renderer r: Renderer) -> [Rect] {
        let cols = min(columns, panels.count), rows = (panels.count + cols - 1) / cols
        let titleRows = self.titleRows(renderer: r)
        let top = title == nil ? 0 : r.lineHeight(theme.figureTitleFont) + theme.padding * 1.5
        let m = theme.padding / 2
        let w = (width - 2 * m - colorbarRoom(renderer: r)) / Double(cols), h = (height - top - 2 * m) / Double(rows)
        var widths = [Double](repeating: w, count: cols), heights = [Double](repeating: h, count: rows)
        if !sharedAxes.isEmpty {
            // Labels written only on the first column / bottom row take room from those cells' plots:
            // widen and heighten those cells by the difference so every plot area has the same size.
            let even = panels.indices.map { i in Rect(x: m + Double(i % cols) * w, y: top + m + Double(i / cols) * h, width: w, height: h) }
            var outer = (left: [Double](), right: [Double](), bottom: [Double](), above: [Double]())
            for i in panels.indices {
                guard let c = chart(at: i, titleRows: titleRows) else { continue }
                let plot = c.layout(in: even[i], domains: domains(of: c, shared: sharedDomains()), renderer: r, theme: theme).plot
                if i % cols == 0 { outer.left.append(plot.minX - even[i].minX) } else { outer.right.append(plot.minX - even[i].minX) }
                if i + cols >= panels.count { outer.bottom.append(even[i].maxY - plot.maxY) } else { outer.above.append(even[i].maxY - plot.maxY) }
            }
            if cols > 1, let a = outer.left.max(), let b = outer.right.min(), a > b {
                let d = a - b
                widths = widths.indices.map { $0 == 0 ? w + d * Double(cols - 1) / Double(cols) : w - d / Double(cols) }
            }
            if rows > 1, let a = outer.bottom.max(), let b = outer.above.min(), a > b {
                let d = a - b
                heights = heights.indices.map { $0 == rows - 1 ? h + d * Double(rows - 1) / Double(rows) : h - d / Double(rows) }
            }
        }
        return panels.indices.map { i in
            let c = i % cols, row = i / cols
            return Rect(x: m + widths[..<c].reduce(0, +), y: top + m + heights[..<row].reduce(0, +), width: widths[c], height: heights[row])
        }
    }

    /// Validates, then draws the background, title and every panel.
    public func draw(in r: Renderer) throws(PlotError) {
        try validate()
        r.fill(.rect(Rect(x: 0, y: 0, width: width, height: height)), color: theme.background)
        if let title {
            let fit = r.fitted(title, font: theme.figureTitleFont, width: width - 2 * theme.padding)
            r.draw(text: fit.text, at: Point(width / 2, theme.padding), style: theme.text(fit.font, .topCenter))
        }
        let shared = sharedDomains()
        let rects = panelRects(renderer: r)
        let titleRows = self.titleRows(renderer: r)
        for (i, (panel, rect)) in zip(panels, rects).enumerated() {
            switch panel {
            case .chart:
                guard let c = chart(at: i, titleRows: titleRows) else { continue }
                c.draw(in: rect, domains: domains(of: c, shared: shared), renderer: r, theme: theme)
            case .matrix(let m): m.draw(in: rect, renderer: r, theme: theme)
            case .images(let g): g.draw(in: rect, renderer: r, theme: theme)
            case .network(let n): n.draw(in: rect, renderer: r, theme: theme)
            }
        }
        if let colorbar {
            // From the top of the first row's plots to the bottom of the last row's (laid out in the rects
            // drawn above: `chartLayout(panel:)` would place every panel again for each one).
            let plots = panels.indices.compactMap { i in
                chart(at: i, titleRows: titleRows).map { $0.layout(in: rects[i], domains: domains(of: $0, shared: shared), renderer: r, theme: theme).plot }
            }
            let top = plots.map(\.minY).min() ?? (rects.map(\.minY).min() ?? 0) + theme.padding
            let bottom = plots.map(\.maxY).max() ?? (rects.map(\.maxY).max() ?? height) - theme.padding
            let left = (rects.map(\.maxX).max() ?? width) + theme.padding
            colorbar.draw(in: Rect(x: left, y: top, width: Colorbar.barWidth, height: max(10, bottom - top)), renderer: r, theme: theme)
        }
    }

    /// The domains a chart panel draws with: shared ones where set, else its own.
    func domains(of c: Chart, shared: (x: (Double, Double)?, y: (Double, Double)?)) -> (x: (Double, Double), y: (Double, Double)) {
        (shared.x ?? Chart.domain(extent: c.extent(.x), axis: c.x), shared.y ?? Chart.domain(extent: c.extent(.y), axis: c.y))
    }

    /// For each panel, the most lines a chart title of its row wraps into at the grid's cell width, so
    /// every plot of a row starts at the same height.
    func titleRows(renderer r: Renderer) -> [Int] {
        let cols = min(columns, panels.count)
        let cell = (width - theme.padding - colorbarRoom(renderer: r)) / Double(cols)
        let lines = panels.map { panel -> Int in
            guard case .chart(let c) = panel, let title = c.title else { return 1 }
            return r.wrapped(title, font: theme.panelTitleFont, width: cell - theme.padding, maxLines: 3).lines.count
        }
        return panels.indices.map { i in
            let row = i / cols
            return lines[(row * cols)..<min(panels.count, (row + 1) * cols)].max() ?? 1
        }
    }

    /// Chart panel `index` as drawn: with shared axes, only the bottom row writes x ticks and label,
    /// and only the first column writes y ticks and label; its title reserves `titleRows[index]` lines.
    func chart(at index: Int, titleRows: [Int]? = nil) -> Chart? {
        guard case .chart(var c) = panels[index] else { return nil }
        if let titleRows { c.titleRows = titleRows[index] }
        let cols = min(columns, panels.count)
        if sharedAxes.contains(.x), index + cols < panels.count, case .chart = panels[index + cols] {
            c.x.tickLabels = false; c.x.label = nil
        }
        if sharedAxes.contains(.y), index % cols != 0, case .chart = panels[index - 1] {
            c.y.tickLabels = false; c.y.label = nil
        }
        return c
    }

    /// The layout of chart panel `index` as drawn (for tests and hit-testing), or nil if it is not a chart.
    func chartLayout(panel index: Int, renderer r: Renderer) -> ChartLayout? {
        guard let c = chart(at: index, titleRows: titleRows(renderer: r)) else { return nil }
        return c.layout(in: panelRects(renderer: r)[index], domains: domains(of: c, shared: sharedDomains()), renderer: r, theme: theme)
    }

    /// Domains shared across all chart panels: the union of their data extents.
    func sharedDomains() -> (x: (Double, Double)?, y: (Double, Double)?) {
        let charts = panels.compactMap { if case .chart(let c) = $0 { c } else { nil } }
        guard let first = charts.first else { return (nil, nil) }
        func union(_ dim: Dimension) -> (Double, Double)? {
            guard sharedAxes.contains(dim == .x ? .x : .y) else { return nil }
            let extents = charts.compactMap { $0.extent(dim) }
            guard let lo = extents.map(\.lower).min(), let hi = extents.map(\.upper).max() else { return nil }
            let exact = extents.allSatisfy(\.exact)
            return Chart.domain(extent: (lo, hi, exact), axis: dim == .x ? first.x : first.y)
        }
        return (union(.x), union(.y))
    }
}
