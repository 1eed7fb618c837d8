import Plot

extension Raster {
    /// The raster with each pixel repeated `⌈rect.width / width⌉` times across and
    /// `⌈rect.height / height⌉` times down, so that one pixel spans at least its displayed size in
    /// `rect` (unchanged past 4 million pixels).
    ///
    /// For vector output drawn with nearest smoothing: some PDF and SVG viewers smooth embedded
    /// images whatever the file asks for; repeated pixels leave only the cells' edges to blur.
    func repeatedToCover(_ rect: Rect) -> Raster {
        let fx = (rect.width / Double(width)).rounded(.up), fy = (rect.height / Double(height)).rounded(.up)
        guard fx >= 1, fy >= 1, fx > 1 || fy > 1, Double(width) * fx * Double(height) * fy <= 4_000_000 else { return self }
        return upsampled(Int(fx), Int(fy))
    }
}
