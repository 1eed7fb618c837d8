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
///                  layers: Layer.seedSummary("λ = 0.01", runs: lossPerSeed))   // median line over IQR band
/// let field = Field(x: -2...2, y: -2...2, columns: 200, rows: 200) { x, y in model(x, y) }
/// let boundary = Chart(x: Axis("x₁"), y: Axis("x₂"),
///                      layers: Layer.decisionBoundary(field, threshold: 0.5, range: 0...1, x: xs, y: ys, classes: labels))
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

    /// Throws `PlotError` naming the figure, panel and series at fault.
    public func validate() throws {
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
        let top = title == nil ? 0 : r.lineHeight(theme.figureTitleFont) + theme.padding * 1.5
        let m = theme.padding / 2
        let w = (width - 2 * m) / Double(cols), h = (height - top - 2 * m) / Double(rows)
        return panels.indices.map { i in
            Rect(x: m + Double(i % cols) * w, y: top + m + Double(i / cols) * h, width: w, height: h)
        }
    }

    /// Validates, then draws the background, title and every panel.
    public func draw(in r: Renderer) throws {
        try validate()
        r.fill(.rect(Rect(x: 0, y: 0, width: width, height: height)), color: theme.background)
        if let title {
            r.draw(text: title, at: Point(width / 2, theme.padding), style: theme.text(theme.figureTitleFont, .topCenter))
        }
        let shared = sharedDomains()
        for (panel, rect) in zip(panels, panelRects(renderer: r)) {
            switch panel {
            case .chart(let c):
                c.draw(in: rect, domains: domains(of: c, shared: shared), renderer: r, theme: theme)
            case .matrix(let m): m.draw(in: rect, renderer: r, theme: theme)
            case .images(let g): g.draw(in: rect, renderer: r, theme: theme)
            case .network(let n): n.draw(in: rect, renderer: r, theme: theme)
            }
        }
    }

    /// The domains a chart panel draws with: shared ones where set, else its own.
    func domains(of c: Chart, shared: (x: (Double, Double)?, y: (Double, Double)?)) -> (x: (Double, Double), y: (Double, Double)) {
        (shared.x ?? Chart.domain(extent: c.extent(.x), axis: c.x), shared.y ?? Chart.domain(extent: c.extent(.y), axis: c.y))
    }

    /// The layout of chart panel `index` as drawn (for tests and hit-testing), or nil if it is not a chart.
    func chartLayout(panel index: Int, renderer r: Renderer) -> ChartLayout? {
        guard case .chart(let c) = panels[index] else { return nil }
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
