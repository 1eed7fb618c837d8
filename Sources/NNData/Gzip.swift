internal import CZlibShim
import NNCore
import NNFiles

/// Decompression of gzip (RFC 1952) data through zlib's `inflate`.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number `1f 8b`.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed contents of the gzip stream `bytes` (concatenated members are joined,
    /// as `gunzip` does).
    /// - Throws: `InputError` naming `file` when the stream is corrupt or ends early.
    /// - Parameters:
    ///   - limit: the most decompressed bytes to produce; a stream that inflates further is refused
    ///     (a "gzip bomb"), with `limitReason` saying why the limit is what it is.
    public static func decompress(_ bytes: [UInt8], file: String, limit: Int = TextFile.maximumSize,
                                  limitReason: String = "1 GiB, NNLab's file size limit") throws(InputError) -> [UInt8] {
        guard isCompressed(bytes) else {
            throw InputError(file: file, message: "expected gzip data (magic 1f 8b), received \(hexPrefix(bytes))")
        }
        return try inflate(bytes[...], windowBits: 15 + 16, format: "gzip", file: file, limit: limit, limitReason: limitReason)
    }

    /// The inflated contents of `bytes`: a gzip stream (`windowBits` 15 + 16; concatenated members are
    /// joined) or raw deflate data (−15, as in a ZIP member).
    static func inflate(_ bytes: ArraySlice<UInt8>, windowBits: Int32, format: String, file: String, limit: Int,
                        limitReason: String) throws(InputError) -> [UInt8] {
        var output: [UInt8] = []
        // Deflate rarely compresses numeric data more than 8:1; the buffer grows when it does.
        output.reserveCapacity(min(limit, max(4096, bytes.count * 4)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InputError(file: file, message: "expected zlib to initialize, received an error (out of memory?)")
        }
        defer { inflateEnd(&stream) }
        var consumed = 0
        var failure: String?
        bytes.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else {
                failure = "expected \(format) data, received none"
                return
            }
            while consumed < input.count {
                stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
                stream.avail_in = UInt32(input.count - consumed)
                var status: Int32 = Z_OK
                repeat {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(out.count)
                        status = CZlibShim.inflate(&stream, Z_NO_FLUSH)
                        return out.count - Int(stream.avail_out)
                    }
                    output.append(contentsOf: chunk[0..<produced])
                    // A tiny file may inflate enormously (a "zip bomb"): keep the limit.
                    if output.count > limit {
                        failure = "expected at most \(limit) bytes of decompressed data (\(limitReason)), received more"
                        return
                    }
                    if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
                } while status == Z_OK
                consumed = input.count - Int(stream.avail_in)
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow (or trailing zero padding, which gzip ignores).
                    if windowBits > 15, consumed < input.count && input[consumed] == 0x1F {
                        inflateReset(&stream)
                    } else {
                        return
                    }
                case Z_BUF_ERROR, Z_OK:
                    failure = "expected a complete \(format) stream, received one that ends early after \(input.count) bytes"
                    return
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                    failure = "expected valid \(format) data, received corrupt data at compressed byte \(consumed) (\(reason))"
                    return
                }
            }
        }
        if let failure { throw InputError(file: file, message: failure) }
        return output
    }

    /// CRC-32 (the ZIP and gzip checksum) of `bytes`, through zlib.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt = 0
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            // zlib's length is a 32-bit integer: in steps of 1 GiB.
            while offset < buffer.count {
                let step = min(1 << 30, buffer.count - offset)
                crc = CZlibShim.crc32(crc, buffer.baseAddress.map { $0 + offset }, UInt32(step))
                offset += step
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// The first bytes of `bytes` in hex, for error messages.
    public static func hexPrefix(_ bytes: [UInt8], count: Int = 4) -> String {
        if bytes.isEmpty { return "an empty file" }
        let digits = bytes.prefix(count).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return "bytes " + digits.joined(separator: " ")
    }
}
