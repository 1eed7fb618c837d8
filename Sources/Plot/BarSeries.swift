/// Bars of `values[i]` at category `i` (from zero); several bar layers in one chart stand side by side.
public struct BarSeries: Sendable {
    public var name: String
    public var values: [Double]
    public var color: Color?

    public init(_ name: String, values: [Double], color: Color? = nil) {
        self.name = name; self.values = values; self.color = color
    }
}
