/// One small image of an image grid, with an optional caption.
///
/// `values` holds `channels` planes of `width × height` values one after another, each row-major
/// with row 0 at the top (channel-planar, as CIFAR-10 stores its images). One plane (grey images,
/// digits, weights) is drawn through the grid's colormap; three planes are red, green and blue, and
/// each value's position on the grid's color scale is that channel's intensity.
public struct GridImage: Sendable {
    public var width: Int
    public var height: Int
    /// 1 (through the colormap) or 3 (red, green, blue planes).
    public var channels: Int
    public var values: [Double]
    public var caption: String?

    public init(width: Int, height: Int, channels: Int = 1, values: [Double], caption: String? = nil) {
        self.width = width; self.height = height; self.channels = channels; self.values = values; self.caption = caption
    }

    /// The channel counts an image can have.
    public static let channelCounts = [1, 3]

    /// The image's pixels: one plane through `scale`'s colormap, or three planes as red, green and blue.
    func raster(scale: ColorScale) -> Raster {
        channels == 3 ? Raster.rgb(values, columns: width, rows: height, scale: scale)
            : Raster.colormapped(values, columns: width, rows: height, scale: scale)
    }
}
