/// A font request: DejaVu Sans at a size in figure units.
public struct Font: Sendable, Equatable, Hashable {
    public enum Weight: Sendable, Hashable { case regular, bold }
    public var size: Double
    public var weight: Weight
    public init(size: Double, weight: Weight = .regular) { self.size = size; self.weight = weight }
}

/// Measured text: advance width and the font's ascent/descent (not the ink box), in figure units.
public struct TextMetrics: Sendable, Equatable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) { self.width = width; self.ascent = ascent; self.descent = descent }
    public var height: Double { ascent + descent }
}

/// Where a text's anchor point sits on its box.
public struct TextAnchor: Sendable, Equatable {
    public enum Horizontal: Sendable { case leading, center, trailing }
    public enum Vertical: Sendable { case top, middle, baseline, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ horizontal: Horizontal, _ vertical: Vertical) { self.horizontal = horizontal; self.vertical = vertical }

    public static let center = TextAnchor(.center, .middle)
    public static let topCenter = TextAnchor(.center, .top)
    public static let bottomCenter = TextAnchor(.center, .bottom)
    public static let leadingMiddle = TextAnchor(.leading, .middle)
    public static let trailingMiddle = TextAnchor(.trailing, .middle)
}

/// How a text is placed: font, color, anchor and rotation.
public struct TextStyle: Sendable, Equatable {
    public var font: Font
    public var color: Color
    public var anchor: TextAnchor
    /// Counter-clockwise rotation in degrees around the anchor point (90 = reads bottom to top).
    public var rotation: Double
    public init(font: Font, color: Color, anchor: TextAnchor = .center, rotation: Double = 0) {
        self.font = font; self.color = color; self.anchor = anchor; self.rotation = rotation
    }
}
