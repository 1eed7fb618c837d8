/// A bitmap of premultiplied ARGB32 pixels (cairo's layout), row-major with row 0 at the top.
public struct Raster: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height,
                     "Raster \(width)x\(height) needs \(width * height) pixels, got \(pixels.count)")
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// The pixel at column `x`, row `y` as straight 8-bit RGBA.
    public func rgba(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let p = pixels[y * width + x]
        let a = UInt8(p >> 24)
        func un(_ c: UInt32) -> UInt8 {
            a == 0 ? 0 : UInt8(min(255, (Double(c & 0xFF) * 255 / Double(a)).rounded()))
        }
        return (un(p >> 16), un(p >> 8), un(p), a)
    }

    /// Maps `values` (row-major, `rows` × `columns`, row 0 at the top) through a color scale.
    /// Non-finite values become transparent.
    public static func colormapped(_ values: [Double], columns: Int, rows: Int, scale: ColorScale) -> Raster {
        let lut = scale.colormap.lookupTable()
        var px = [UInt32](repeating: 0, count: columns * rows)
        values.withUnsafeBufferPointer { v in
            px.withUnsafeMutableBufferPointer { out in
                for i in 0..<min(v.count, out.count) where v[i].isFinite {
                    out[i] = lut[Int((scale.position(v[i]) * 255).rounded())]
                }
            }
        }
        return Raster(width: columns, height: rows, pixels: px)
    }

    /// Three planes of `rows × columns` values (red, then green, then blue, each row-major) as opaque
    /// pixels: a channel's intensity is its value's position on `scale`, `scale.position(v)` in 0…1
    /// (linear between `lower` and `upper`, or `0.5 + 0.5 (v − center) / r` around a center, so 0 is
    /// mid-grey); the scale's colormap is not used. A pixel with a non-finite channel is transparent.
    public static func rgb(_ values: [Double], columns: Int, rows: Int, scale: ColorScale) -> Raster {
        let plane = columns * rows
        var px = [UInt32](repeating: 0, count: plane)
        guard values.count >= 3 * plane else { return Raster(width: columns, height: rows, pixels: px) }
        func intensity(_ v: Double) -> UInt32 { UInt32((scale.position(v) * 255).rounded()) }
        values.withUnsafeBufferPointer { v in
            px.withUnsafeMutableBufferPointer { out in
                for i in 0..<plane where v[i].isFinite && v[plane + i].isFinite && v[2 * plane + i].isFinite {
                    out[i] = 0xFF00_0000 | intensity(v[i]) << 16 | intensity(v[plane + i]) << 8 | intensity(v[2 * plane + i])
                }
            }
        }
        return Raster(width: columns, height: rows, pixels: px)
    }
}

extension Raster {
    /// Each pixel repeated `fx` times across and `fy` times down (nearest-neighbour upsampling).
    public func upsampled(_ fx: Int, _ fy: Int) -> Raster {
        precondition(fx >= 1 && fy >= 1, "upsampling factors must be ≥ 1, got \(fx)×\(fy)")
        if fx == 1 && fy == 1 { return self }
        let w = width * fx
        var out = [UInt32](repeating: 0, count: w * height * fy)
        out.withUnsafeMutableBufferPointer { dst in
            pixels.withUnsafeBufferPointer { src in
                for y in 0..<height {
                    let row = y * fy * w
                    for x in 0..<width {
                        let p = src[y * width + x]
                        for k in 0..<fx { dst[row + x * fx + k] = p }
                    }
                    for r in 1..<fy { for i in 0..<w { dst[row + r * w + i] = dst[row + i] } }
                }
            }
        }
        return Raster(width: w, height: height * fy, pixels: out)
    }
}
