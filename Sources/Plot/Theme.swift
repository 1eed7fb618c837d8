/// Type sizes, line widths and colors shared by every figure; the defaults look good untouched.
public struct Theme: Sendable {
    public var figureTitleFont = Font(size: 15, weight: .bold)
    public var panelTitleFont = Font(size: 12.5, weight: .bold)
    public var labelFont = Font(size: 11.5)
    public var tickFont = Font(size: 10)
    public var legendFont = Font(size: 10)
    public var annotationFont = Font(size: 9.5)
    public var textColor = Color(gray: 0.1)
    public var axisColor = Color(gray: 0.25)
    public var gridColor = Color(gray: 0.9)
    public var background = Color.white
    public var lineWidth = 1.75
    public var axisWidth = 0.8
    public var tickLength = 4.0
    /// Generic gap between elements.
    public var padding = 6.0

    public init() {}

    public static let standard = Theme()

    func text(_ font: Font, _ anchor: TextAnchor, rotation: Double = 0) -> TextStyle {
        TextStyle(font: font, color: textColor, anchor: anchor, rotation: rotation)
    }
}
