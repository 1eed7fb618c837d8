import CCairo
import CZlibShim
import Foundation
import Plot

/// Owns one raw-deflate stream (RLE strategy) and ends it on release.
final class Deflater {
    private var stream = z_stream()

    init() throws(PlotError) {
        // Z_RLE: matches at distance 1 only — fast, and what PNG's filtered rows compress best with.
        // Raw deflate (negative window bits): `zlib(_:)` writes the zlib header and trailer itself.
        let status = deflateInit2_(&stream, 1, Z_DEFLATED, -15, 8, Z_RLE, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw PlotError.backend(operation: "zlib deflateInit2", status: "code \(status)") }
    }

    deinit { deflateEnd(&stream) }

    /// Deflates `input[range]`; the last part finishes the stream, the others end with a sync flush
    /// (byte-aligned, so parts concatenate into one deflate stream).
    func compress(_ input: UnsafeBufferPointer<UInt8>, last: Bool) throws(PlotError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 64)
        let status: Int32 = output.withUnsafeMutableBufferPointer { dst in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            stream.next_out = dst.baseAddress
            stream.avail_out = UInt32(dst.count)
            return deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
        }
        let expected = last ? Z_STREAM_END : Z_OK
        guard status == expected, stream.avail_in == 0 else { throw PlotError.backend(operation: "zlib deflate", status: "code \(status)") }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// `input` as one zlib stream. Inputs over 256 KiB are split in two halves deflated on two
    /// threads and joined as pigz does (the RLE strategy never looks back further than one byte,
    /// so the split costs almost nothing in size); the Adler-32 trailer covers the whole input.
    static func zlib(_ input: [UInt8]) throws(PlotError) -> [UInt8] {
        let parts = input.count > 256 * 1024 ? 2 : 1
        let bounds = (0...parts).map { input.count * $0 / parts }
        let results = DeflateParts(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            input.withUnsafeBufferPointer { all in
                let slice = UnsafeBufferPointer(rebasing: all[bounds[i]..<bounds[i + 1]])
                let checksum = adler32(1, slice.baseAddress, UInt32(slice.count))
                do throws(PlotError) {
                    results.set(i, .success((try Deflater().compress(slice, last: i == parts - 1), checksum, slice.count)))
                } catch {
                    results.set(i, .failure(error))
                }
            }
        }
        var out: [UInt8] = [0x78, 0x01]
        var checksum: UInt = 1
        for i in 0..<parts {
            let (bytes, adler, length) = try results.get(i).get()
            out += bytes
            checksum = i == 0 ? adler : adler32_combine(checksum, adler, off_t(length))
        }
        return out + PNGEncoder.bigEndian(UInt32(truncatingIfNeeded: checksum))
    }
}

/// The parts of a parallel deflate, one slot per thread.
private final class DeflateParts: @unchecked Sendable {
    private var slots: [Result<([UInt8], UInt, Int), PlotError>]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: .failure(PlotError.backend(operation: "zlib deflate", status: "not run")), count: count) }

    func set(_ i: Int, _ value: Result<([UInt8], UInt, Int), PlotError>) { lock.lock(); slots[i] = value; lock.unlock() }
    func get(_ i: Int) -> Result<([UInt8], UInt, Int), PlotError> { lock.lock(); defer { lock.unlock() }; return slots[i] }
}

/// Encodes cairo ARGB32 pixels as PNG: 8-bit RGB when opaque (RGBA, un-premultiplied, otherwise),
/// each row filtered with Sub or Up (whichever has the smaller sum of absolute residuals), deflated
/// with zlib's RLE strategy. About 10× faster than `cairo_surface_write_to_png_stream`, which uses
/// libpng's default filtering and compression, at a similar file size for figures.
enum PNGEncoder {
    static func encode(data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws(PlotError) -> [UInt8] {
        var opaque = true
        for y in 0..<height where opaque {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xFF { opaque = false; break }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        var raw = [UInt8](repeating: 0, count: rowBytes)
        var prev = [UInt8](repeating: 0, count: rowBytes)
        var filtered = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            filtered.withUnsafeMutableBufferPointer { f in
                raw.withUnsafeMutableBufferPointer { cur in
                    prev.withUnsafeBufferPointer { up in
                        // One pass: un-premultiply into `cur` and total both filters' residuals.
                        var costSub = 0, costUp = 0
                        var left: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
                        for x in 0..<width {
                            let p = row[x]
                            let a = p >> 24
                            var r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                            if a != 0xFF && a != 0 {
                                r = min(255, (r * 255 + a / 2) / a); g = min(255, (g * 255 + a / 2) / a); b = min(255, (b * 255 + a / 2) / a)
                            }
                            let px = (UInt8(r), UInt8(g), UInt8(b), UInt8(a))
                            let o = x * channels
                            cur[o] = px.0; cur[o + 1] = px.1; cur[o + 2] = px.2
                            costSub &+= Int(Int8(bitPattern: px.0 &- left.0).magnitude) &+ Int(Int8(bitPattern: px.1 &- left.1).magnitude)
                                &+ Int(Int8(bitPattern: px.2 &- left.2).magnitude)
                            costUp &+= Int(Int8(bitPattern: px.0 &- up[o]).magnitude) &+ Int(Int8(bitPattern: px.1 &- up[o + 1]).magnitude)
                                &+ Int(Int8(bitPattern: px.2 &- up[o + 2]).magnitude)
                            if channels == 4 {
                                cur[o + 3] = px.3
                                costSub &+= Int(Int8(bitPattern: px.3 &- left.3).magnitude)
                                costUp &+= Int(Int8(bitPattern: px.3 &- up[o + 3]).magnitude)
                            }
                            left = px
                        }
                        let base = y * (rowBytes + 1)
                        let useUp = y > 0 && costUp <= costSub
                        f[base] = useUp ? 2 : 1
                        if useUp {
                            for i in 0..<rowBytes { f[base + 1 + i] = cur[i] &- up[i] }
                        } else {
                            for i in 0..<min(channels, rowBytes) { f[base + 1 + i] = cur[i] }
                            for i in channels..<max(channels, rowBytes) { f[base + 1 + i] = cur[i] &- cur[i - channels] }
                        }
                    }
                }
            }
            swap(&raw, &prev)
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = [UInt8]()
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // bit depth, color type, compression, filter, interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", try Deflater.zlib(filtered), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    /// Appends a chunk: length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count))
        png += typeBytes
        png += data
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        png += bigEndian(UInt32(truncatingIfNeeded: crc))
    }
}
