import NNFiles

/// The members of a ZIP archive (PKWARE APPNOTE 6.3), read from its central directory: stored
/// (method 0) and deflated (method 8) members, ZIP64 sizes and offsets (NumPy's `savez` writes
/// ZIP64 headers). Each member is checked against its CRC-32 and its declared size, and no member
/// inflates beyond the limit it is read with.
struct ZipArchive {
    struct Member {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: UInt64
        var size: UInt64
        var localHeaderOffset: UInt64
    }

    let bytes: [UInt8]
    let file: String
    let members: [Member]

    init(_ bytes: [UInt8], file: String) throws(InputError) {
        self.bytes = bytes
        self.file = file
        func fail(_ message: String) -> InputError { InputError(file: file, message: message) }
        // The end-of-central-directory record: 22 bytes and a comment of at most 65,535 bytes, at the end.
        guard bytes.count >= 22 else {
            throw fail("expected a ZIP archive (.npz), received \(bytes.count) bytes, fewer than its 22-byte end record")
        }
        var end: Int?
        for start in stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1)
        where Self.u32(bytes, start) == 0x0605_4B50 {
            end = start
            break
        }
        guard let end else {
            throw fail("expected a ZIP archive (.npz), received \(Gzip.hexPrefix(bytes)) without an end-of-central-directory record")
        }
        var count = UInt64(Self.u16(bytes, end + 10))
        var directorySize = UInt64(Self.u32(bytes, end + 12))
        var directoryOffset = UInt64(Self.u32(bytes, end + 16))
        // ZIP64: a locator just before the end record points to the ZIP64 end record with 64-bit fields.
        if end >= 20, Self.u32(bytes, end - 20) == 0x0706_4B50 {
            let record = Self.u64(bytes, end - 12)
            guard bytes.count >= 56, record <= UInt64(bytes.count - 56), Self.u32(bytes, Int(record)) == 0x0606_4B50 else {
                throw fail("expected a ZIP64 end record at byte \(record), received none")
            }
            count = Self.u64(bytes, Int(record) + 32)
            directorySize = Self.u64(bytes, Int(record) + 40)
            directoryOffset = Self.u64(bytes, Int(record) + 48)
        }
        guard directoryOffset <= UInt64(bytes.count), directorySize <= UInt64(bytes.count) - directoryOffset,
              count <= directorySize / 46 else {
            throw fail("expected a central directory inside the file, received \(count) entries of \(directorySize) bytes at byte \(directoryOffset) in a \(bytes.count)-byte file")
        }
        var members: [Member] = []
        var p = Int(directoryOffset)
        let limit = Int(directoryOffset + directorySize)
        for _ in 0..<Int(count) {
            guard p + 46 <= limit, Self.u32(bytes, p) == 0x0201_4B50 else {
                throw fail("expected a central directory entry at byte \(p), received \(p + 46 <= bytes.count ? "other data" : "the end of the file")")
            }
            let nameLength = Int(Self.u16(bytes, p + 28)), extraLength = Int(Self.u16(bytes, p + 30)), commentLength = Int(Self.u16(bytes, p + 32))
            guard p + 46 + nameLength + extraLength + commentLength <= limit else {
                throw fail("expected a central directory entry of \(46 + nameLength + extraLength + commentLength) bytes at byte \(p), received a truncated one")
            }
            var member = Member(name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                                method: Self.u16(bytes, p + 10), flags: Self.u16(bytes, p + 8), crc: Self.u32(bytes, p + 16),
                                compressedSize: UInt64(Self.u32(bytes, p + 20)), size: UInt64(Self.u32(bytes, p + 24)),
                                localHeaderOffset: UInt64(Self.u32(bytes, p + 42)))
            // The ZIP64 extra field (id 1) holds, in order, each 32-bit field that reads 0xFFFFFFFF.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = Self.u16(bytes, e), size = Int(Self.u16(bytes, e + 2))
                guard e + 4 + size <= extraEnd else { break }
                if id == 1 {
                    var q = e + 4
                    func next() -> UInt64? {
                        guard q + 8 <= e + 4 + size else { return nil }
                        defer { q += 8 }
                        return Self.u64(bytes, q)
                    }
                    if member.size == 0xFFFF_FFFF, let v = next() { member.size = v }
                    if member.compressedSize == 0xFFFF_FFFF, let v = next() { member.compressedSize = v }
                    if member.localHeaderOffset == 0xFFFF_FFFF, let v = next() { member.localHeaderOffset = v }
                }
                e += 4 + size
            }
            members.append(member)
            p += 46 + nameLength + extraLength + commentLength
        }
        self.members = members
    }

    /// The contents of `member`, which may be at most `limit` bytes once inflated.
    func contents(_ member: Member, limit: Int, limitReason: String) throws(InputError) -> [UInt8] {
        func fail(_ message: String) -> InputError { InputError(file: file, field: member.name, message: message) }
        guard member.flags & 1 == 0 else { throw fail("expected an unencrypted member, received an encrypted one") }
        guard member.method == 0 || member.method == 8 else {
            throw fail("expected a stored or deflated member (method 0 or 8), received method \(member.method)")
        }
        guard member.size <= UInt64(limit) else {
            throw fail("expected at most \(limit) bytes (\(limitReason)), received a member of \(member.size) bytes")
        }
        let header = member.localHeaderOffset
        guard header <= UInt64(bytes.count), UInt64(bytes.count) - header >= 30, Self.u32(bytes, Int(header)) == 0x0403_4B50 else {
            throw fail("expected a local header at byte \(header), received \(header < UInt64(bytes.count) ? "other data" : "the end of the file")")
        }
        let start = UInt64(Int(header) + 30 + Int(Self.u16(bytes, Int(header) + 26)) + Int(Self.u16(bytes, Int(header) + 28)))
        guard start <= UInt64(bytes.count), member.compressedSize <= UInt64(bytes.count) - start else {
            throw fail("expected \(member.compressedSize) bytes of data at byte \(start), received a file that ends at byte \(bytes.count)")
        }
        let data = bytes[Int(start)..<Int(start + member.compressedSize)]
        var contents = Array(data)
        if member.method == 8 {
            do throws(InputError) {
                contents = try Gzip.inflate(data, windowBits: -15, format: "deflate", file: file, limit: Int(member.size),
                                            limitReason: "the member's declared size")
            } catch {
                throw fail(error.message)
            }
        }
        guard UInt64(contents.count) == member.size else {
            throw fail("expected \(member.size) bytes (the member's declared size), received \(contents.count)")
        }
        guard Gzip.crc32(contents[...]) == member.crc else {
            throw fail("expected the CRC-32 the archive declares, received data that do not match it (a damaged file)")
        }
        return contents
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
    static func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }
}
