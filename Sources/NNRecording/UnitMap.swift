/// One hidden unit's activation over the input plane.
public struct UnitMap: Codable, Sendable, Equatable {
    /// The layer's index among all layers (as in `Network.layers`).
    public var layer: Int
    /// The unit (column of the layer's output).
    public var unit: Int
    public var grid: Grid

    public init(layer: Int, unit: Int, grid: Grid) {
        self.layer = layer
        self.unit = unit
        self.grid = grid
    }
}
