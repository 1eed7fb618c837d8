internal import CHDF5
import Foundation
import NNFiles

/// A read-only HDF5 file (libhdf5, from an in-memory image of its bytes): groups, their members and
/// attributes, and numeric datasets read as float64 (HDF5 converts float32 exactly).
///
/// Every error names the file and the object path. A dataset is bounded before its values are
/// allocated (`maximumValues`).
public final class HDF5File {
    /// An attribute's value: strings (variable- or fixed-length), or numbers (an empty attribute
    /// h5py writes for `[]` is an empty float64 array).
    public enum Value: Equatable {
        case strings([String])
        case numbers([Double])

        /// The strings, with an empty numeric array read as no strings.
        public var strings: [String]? {
            switch self {
            case .strings(let s): s
            case .numbers(let n): n.isEmpty ? [] : nil
            }
        }
    }

    public let file: String
    private let handle: hid_t

    /// The largest dataset the crash check reads (NNLab's parameter limit; larger ones are refused anyway).
    static let maximumProbeValues = 200_000_000

    /// Opens the HDF5 image `bytes`; errors name `file`.
    public init(_ bytes: [UInt8], file: String) throws(InputError) {
        self.file = file
        nn_h5_quiet()
        // The signature every HDF5 file starts with (at byte 0 here; user blocks are not read).
        guard bytes.count >= 8, bytes[0..<8].elementsEqual([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw InputError(file: file, message: "expected an HDF5 file (starting \\x89HDF), received \(bytes.count < 8 ? "\(bytes.count) bytes" : Gzip.hexPrefix(bytes))")
        }
        // libhdf5 can crash on a damaged file: it first reads the whole file in a child process (`nn_h5_probe`).
        // Reading a model file takes well under a second per 100 MB; a damaged one can make libhdf5 loop.
        let seconds = 5 + bytes.count / 50_000_000
        let outcome = bytes.withUnsafeBytes {
            nn_h5_probe($0.baseAddress, $0.count, UInt64(Self.maximumProbeValues), UInt32(seconds), UInt64(1 << 30) + 16 * UInt64($0.count))
        }
        switch outcome {
        case 0: break
        case Int32(SIGXCPU), Int32(SIGKILL):
            throw InputError(file: file, message: "expected an HDF5 file libhdf5 reads, received one it was still reading after \(seconds) s of CPU time (a damaged file)")
        case -1:
            throw InputError(file: file, message: "could not be checked: no process could be started to read it (fork failed)")
        default:
            throw InputError(file: file, message: "expected an HDF5 file libhdf5 reads, received one that makes it crash (signal \(outcome): a damaged file)")
        }
        let access = H5Pcreate(nn_h5p_file_access())
        defer { H5Pclose(access) }
        H5Pset_fapl_core(access, 1 << 16, false)
        let status = bytes.withUnsafeBytes { H5Pset_file_image(access, UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) }
        // The core driver refuses a name that exists on disk; the image has none (no path can lie under /dev/null).
        let handle = status < 0 ? -1 : H5Fopen("/dev/null/nnlab-image.h5", nn_h5f_acc_rdonly(), access)
        guard handle >= 0 else {
            throw InputError(file: file, message: "expected an HDF5 file, received \(bytes.count) bytes that libhdf5 cannot open (a damaged or truncated file)")
        }
        self.handle = handle
    }

    deinit { H5Fclose(handle) }

    private func fail(_ path: String, _ message: String) -> InputError { InputError(file: file, field: path, message: message) }

    /// Whether the object at `path` ("a/b/c") exists (each link on the way is checked).
    public func exists(_ path: String) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty ? "" : "/") + part
            guard H5Lexists(handle, prefix, nn_h5p_default()) > 0 else { return false }
        }
        return true
    }

    /// The names of the members of the group at `path` ("/" for the root), in name order.
    public func members(of path: String) throws(InputError) -> [String] {
        let group = H5Gopen2(handle, path, nn_h5p_default())
        guard group >= 0 else { throw fail(path, "expected a group, received none") }
        defer { H5Gclose(group) }
        var info = H5G_info_t()
        guard H5Gget_info(group, &info) >= 0 else { throw fail(path, "expected a readable group, received a damaged one") }
        var names: [String] = []
        for i in 0..<info.nlinks {
            let length = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nil, 0, nn_h5p_default())
            guard length >= 0, length < 65_536 else { throw fail(path, "expected member names, received a damaged one") }
            var buffer = [CChar](repeating: 0, count: Int(length) + 1)
            H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, &buffer, buffer.count, nn_h5p_default())
            names.append(String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }

    /// The attribute `name` of the object at `path`, or nil when it has none.
    public func attribute(_ name: String, of path: String = "/") throws(InputError) -> Value? {
        guard H5Aexists_by_name(handle, path, name, nn_h5p_default()) > 0 else { return nil }
        let attribute = H5Aopen_by_name(handle, path, name, nn_h5p_default(), nn_h5p_default())
        guard attribute >= 0 else { throw fail("\(path) @\(name)", "expected a readable attribute, received a damaged one") }
        defer { H5Aclose(attribute) }
        let type = H5Aget_type(attribute), space = H5Aget_space(attribute)
        defer { H5Tclose(type); H5Sclose(space) }
        let count = H5Sget_simple_extent_npoints(space)
        guard count >= 0, count <= 1_000_000 else { throw fail("\(path) @\(name)", "expected at most 1,000,000 values, received \(count)") }
        let n = Int(count)
        switch H5Tget_class(type) {
        case H5T_STRING:
            if H5Tis_variable_str(type) > 0 {
                let memory = H5Tcopy(nn_h5t_c_s1())
                defer { H5Tclose(memory) }
                H5Tset_size(memory, nn_h5t_variable())
                // The file's own character set: HDF5 converts no strings between ASCII and UTF-8 (h5py writes both).
                H5Tset_cset(memory, H5Tget_cset(type))
                var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: max(n, 1))
                guard H5Aread(attribute, memory, &pointers) >= 0 else { throw fail("\(path) @\(name)", "expected readable strings, received damaged ones") }
                defer { H5Dvlen_reclaim(memory, space, nn_h5p_default(), &pointers) }
                return .strings(pointers.prefix(n).map { $0.map { String(cString: $0) } ?? "" })
            }
            let size = H5Tget_size(type)
            guard size > 0, size <= 65_536 else { throw fail("\(path) @\(name)", "expected strings of at most 65,536 bytes, received \(size)") }
            let memory = H5Tcopy(nn_h5t_c_s1())
            defer { H5Tclose(memory) }
            H5Tset_size(memory, size)
            H5Tset_cset(memory, H5Tget_cset(type))
            // The file's padding too: a null-terminated memory type would give up the last byte of a NULLPAD string.
            H5Tset_strpad(memory, H5Tget_strpad(type))
            var buffer = [UInt8](repeating: 0, count: max(n, 1) * size)
            guard H5Aread(attribute, memory, &buffer) >= 0 else { throw fail("\(path) @\(name)", "expected readable strings, received damaged ones") }
            return .strings((0..<n).map { i in
                let chunk = buffer[(i * size)..<((i + 1) * size)]
                var text = chunk.prefix { $0 != 0 }
                while text.last == 0x20, H5Tget_strpad(type) == H5T_STR_SPACEPAD { text.removeLast() }
                return String(decoding: text, as: UTF8.self)
            })
        case H5T_FLOAT, H5T_INTEGER:
            var values = [Double](repeating: 0, count: max(n, 1))
            if n > 0 { guard H5Aread(attribute, nn_h5t_native_double(), &values) >= 0 else { throw fail("\(path) @\(name)", "expected readable numbers, received damaged ones") } }
            return .numbers(Array(values.prefix(n)))
        default:
            throw fail("\(path) @\(name)", "expected strings or numbers, received another HDF5 type")
        }
    }

    /// The attribute `name` of `path` as one string (a scalar or a one-element array).
    public func string(_ name: String, of path: String = "/") throws(InputError) -> String? {
        guard let value = try attribute(name, of: path) else { return nil }
        guard case .strings(let s) = value, s.count == 1 else { throw fail("\(path) @\(name)", "expected one string, received another value") }
        return s[0]
    }

    /// The shape and float64 values (row-major) of the numeric dataset at `path`, which may hold at
    /// most `maximumValues` values.
    public func dataset(_ path: String, maximumValues: Int) throws(InputError) -> (shape: [Int], values: [Double]) {
        guard exists(path) else { throw fail(path, "expected a dataset, received none") }
        let dataset = H5Dopen2(handle, path, nn_h5p_default())
        guard dataset >= 0 else { throw fail(path, "expected a dataset, received another kind of object") }
        defer { H5Dclose(dataset) }
        let type = H5Dget_type(dataset), space = H5Dget_space(dataset)
        defer { H5Tclose(type); H5Sclose(space) }
        let typeClass = H5Tget_class(type)
        guard typeClass == H5T_FLOAT || typeClass == H5T_INTEGER else { throw fail(path, "expected numbers (float or integer), received another HDF5 type") }
        let rank = H5Sget_simple_extent_ndims(space)
        guard rank >= 0, rank <= 8 else { throw fail(path, "expected an array of at most 8 dimensions, received \(rank)") }
        var dims = [hsize_t](repeating: 0, count: max(Int(rank), 1))
        H5Sget_simple_extent_dims(space, &dims, nil)
        var count: UInt64 = 1
        for d in dims.prefix(Int(rank)) {
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow, product <= UInt64(max(0, maximumValues)) else {
                throw fail(path, "expected at most \(maximumValues) values, received shape (\(dims.prefix(Int(rank)).map(String.init).joined(separator: ", ")))")
            }
            count = product
        }
        var values = [Double](repeating: 0, count: max(Int(count), 1))
        if count > 0 {
            guard H5Dread(dataset, nn_h5t_native_double(), nn_h5s_all(), nn_h5s_all(), nn_h5p_default(), &values) >= 0 else {
                throw fail(path, "expected \(count) readable values, received damaged data")
            }
        }
        return (dims.prefix(Int(rank)).map { Int($0) }, Array(values.prefix(Int(count))))
    }
}
