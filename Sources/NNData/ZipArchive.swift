import Foundation
import NNFiles
import ZIPFoundation

/// A ZIP archive (PKWARE APPNOTE 6.3) through ZIPFoundation: members read and inflated by it (stored
/// or deflated, ZIP64 included), each checked against its CRC-32 and its declared size, and none
/// inflating beyond the limit it is read with; and archives written byte for byte the same for the
/// same members (stored, every member dated 1980-01-01 00:00, the ZIP epoch).
///
/// Before ZIPFoundation sees an archive, its structure is checked here: the end record, every central
/// directory record and every local header lie inside the file. ZIPFoundation's in-memory reader
/// traps on a record that points past the end (and would allocate what a damaged size says).
///
/// NumPy's `.npz` and Keras's `.keras` are such archives.
public struct ZipArchive {
    public struct Member {
        public var name: String
        /// The size the archive declares once inflated.
        public var size: UInt64
        fileprivate var entry: Entry
    }

    /// A central directory record, as the structure check reads it (sizes and offsets bounded by the file).
    private struct Record {
        var name: String
        var method: UInt16
        var flags: UInt16
        var compressedSize: UInt64
        var size: UInt64
        var localHeaderOffset: UInt64
    }

    let archive: Archive
    let file: String
    public let members: [Member]

    /// Reads the archive in `bytes`; errors name `file` and say what kind of archive was expected (`kind`).
    public init(_ bytes: [UInt8], file: String, kind: String = ".npz") throws(InputError) {
        self.file = file
        func fail(_ message: String) -> InputError { InputError(file: file, message: message) }
        // The end-of-central-directory record: 22 bytes and a comment of at most 65,535 bytes, at the end.
        guard bytes.count >= 22 else {
            throw fail("expected a ZIP archive (\(kind)), received \(bytes.count) bytes, fewer than its 22-byte end record")
        }
        var end: Int?
        for start in stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1)
        where Self.u32(bytes, start) == 0x0605_4B50 {
            end = start
            break
        }
        guard let end else {
            throw fail("expected a ZIP archive (\(kind)), received \(Gzip.hexPrefix(bytes)) without an end-of-central-directory record")
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
        var records: [Record] = []
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
            var member = Record(name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                                method: Self.u16(bytes, p + 10), flags: Self.u16(bytes, p + 8),
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
            records.append(member)
            p += 46 + nameLength + extraLength + commentLength
        }
        // Every member's local header and data inside the file: ZIPFoundation's in-memory reader traps on
        // a record that points past the end, so nothing reaches it unchecked.
        for record in records {
            let header = record.localHeaderOffset
            guard header <= UInt64(bytes.count), UInt64(bytes.count) - header >= 30, Self.u32(bytes, Int(header)) == 0x0403_4B50 else {
                throw InputError(file: file, field: record.name, message: "expected a local header at byte \(header), received \(header < UInt64(bytes.count) ? "other data" : "the end of the file")")
            }
            let start = header + 30 + UInt64(Self.u16(bytes, Int(header) + 26)) + UInt64(Self.u16(bytes, Int(header) + 28))
            guard start <= UInt64(bytes.count), record.compressedSize <= UInt64(bytes.count) - start else {
                throw InputError(file: file, field: record.name, message: "expected \(record.compressedSize) bytes of data at byte \(start), received a file that ends at byte \(bytes.count)")
            }
            guard record.flags & 1 == 0 else { throw InputError(file: file, field: record.name, message: "expected an unencrypted member, received an encrypted one") }
            guard record.method == 0 || record.method == 8 else {
                throw InputError(file: file, field: record.name, message: "expected a stored or deflated member (method 0 or 8), received method \(record.method)")
            }
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw fail("expected a ZIP archive (\(kind)), received one whose central directory cannot be read (\(error))")
        }
        var members: [Member] = []
        for entry in archive where entry.type == .file {
            members.append(Member(name: entry.path, size: entry.uncompressedSize, entry: entry))
        }
        guard members.count == records.count, zip(members, records).allSatisfy({ $0.size == $1.size }) else {
            throw fail("expected the members its central directory lists, received \(members.count) of \(records.count) readable")
        }
        self.members = members
    }

    /// The member named `name`, if the archive has one.
    public func member(named name: String) -> Member? { members.first { $0.name == name } }

    /// The contents of `member`, which may be at most `limit` bytes once inflated.
    public func contents(_ member: Member, limit: Int, limitReason: String) throws(InputError) -> [UInt8] {
        func fail(_ message: String) -> InputError { InputError(file: file, field: member.name, message: message) }
        guard member.size <= UInt64(max(0, limit)) else {
            throw fail("expected at most \(limit) bytes (\(limitReason)), received a member of \(member.size) bytes")
        }
        var contents: [UInt8] = []
        contents.reserveCapacity(Int(member.size))
        let declared = Int(member.size)
        do {
            // The consumer stops a member that inflates beyond its declared size (a damaged or hostile archive).
            let checksum = try archive.extract(member.entry) { chunk in
                guard contents.count + chunk.count <= declared else { throw Archive.ArchiveError.invalidEntrySize }
                contents += chunk
            }
            // The consumer form returns the checksum it computed; comparing it is the caller's part.
            guard checksum == member.entry.checksum else { throw Archive.ArchiveError.invalidCRC32 }
        } catch Archive.ArchiveError.invalidCRC32 {
            throw fail("expected the CRC-32 the archive declares, received data that do not match it (a damaged file)")
        } catch Archive.ArchiveError.invalidCompressionMethod {
            throw fail("expected a stored or deflated member (method 0 or 8), received another method")
        } catch Archive.ArchiveError.invalidEntrySize {
            throw fail("expected \(member.size) bytes (the member's declared size), received more")
        } catch {
            throw fail("expected a readable member of \(member.size) bytes, received damaged data (\(error))")
        }
        guard contents.count == declared else {
            throw fail("expected \(member.size) bytes (the member's declared size), received \(contents.count)")
        }
        return contents
    }

    /// The bytes of an archive holding `members` in order, stored uncompressed and dated 1980-01-01
    /// 00:00 UTC, so the same members always give the same bytes.
    public static func write(_ members: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        let epoch = Date(timeIntervalSince1970: 315_532_800)
        for (name, bytes) in members {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: epoch,
                                 permissions: 0o644, compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
    static func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }
}
