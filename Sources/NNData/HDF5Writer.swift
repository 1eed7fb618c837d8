internal import CHDF5
import Foundation

/// An HDF5 file as a value: groups, datasets and string attributes, as h5py writes them for Keras.
/// `bytes()` builds it in memory (libhdf5's core driver, no file on disk) with no modification times,
/// so the same calls give the same bytes.
///
/// libhdf5 (Debian's serial build) is not thread-safe: every call into it, here and when
/// `HDF5File` forks its reader, holds `HDF5Lock`.
public struct HDF5Writer {
    private enum Operation {
        case group(String)
        case dataset(String, shape: [Int], values: [Double], storage: Storage)
        case attribute(String, on: String, strings: [String], scalar: Bool)
    }

    private var operations: [Operation] = []

    /// Why a file could not be built (libhdf5 refused a call; not a user mistake).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// How a dataset's numbers are stored.
    public enum Storage: Sendable { case float64, float32, int64 }

    public init() {}

    /// The group at `path` ("a/b"), and the groups above it that are missing.
    public mutating func group(_ path: String) { operations.append(.group(path)) }

    /// A dataset at `path` with `shape` (row-major `values`; `[]`: a scalar), its groups created.
    public mutating func dataset(_ path: String, shape: [Int], values: [Double], storage: Storage = .float64) {
        operations.append(.dataset(path, shape: shape, values: values, storage: storage))
    }

    /// A UTF-8 variable-length string attribute on the object at `path`: a scalar for `scalar`, else
    /// a one-dimensional array (possibly empty), as h5py writes `str` and lists of `str`.
    public mutating func attribute(_ name: String, on path: String, strings: [String], scalar: Bool = false) {
        operations.append(.attribute(name, on: path, strings: strings, scalar: scalar))
    }

    /// The file's bytes.
    public func bytes() throws(Failure) -> [UInt8] {
        HDF5Lock.lock.lock()
        defer { HDF5Lock.lock.unlock() }
        let result: [UInt8]
        do {
            // The session (and its file handle) ends inside the block, with the lock still held.
            let session = try HDF5Session()
            for operation in operations {
                switch operation {
                case .group(let path): try session.group(path)
                case let .dataset(path, shape, values, storage): try session.dataset(path, shape: shape, values: values, storage: storage)
                case let .attribute(name, path, strings, scalar): try session.attribute(name, on: path, strings: strings, scalar: scalar)
                }
            }
            result = try session.bytes()
        }
        return result
    }
}

/// The one lock around libhdf5 (not thread-safe in Debian's serial build).
enum HDF5Lock {
    nonisolated(unsafe) static let lock = NSLock()
}

/// An open in-memory HDF5 file (called with `HDF5Lock` held).
private final class HDF5Session {
    typealias Failure = HDF5Writer.Failure
    typealias Storage = HDF5Writer.Storage
    private let handle: hid_t
    private let groupProperties: hid_t
    private let datasetProperties: hid_t

    init() throws(Failure) {
        nn_h5_quiet()
        let access = H5Pcreate(nn_h5p_file_access())
        defer { H5Pclose(access) }
        H5Pset_fapl_core(access, 1 << 16, false)
        let create = H5Pcreate(nn_h5p_file_create())
        defer { H5Pclose(create) }
        // A name no file can have (nothing lies under /dev/null): the file exists only in memory.
        handle = H5Fcreate("/dev/null/nnlab-memory.h5", nn_h5f_acc_trunc(), create, access)
        groupProperties = H5Pcreate(nn_h5p_group_create())
        datasetProperties = H5Pcreate(nn_h5p_dataset_create())
        H5Pset_obj_track_times(groupProperties, false)
        H5Pset_obj_track_times(datasetProperties, false)
        guard handle >= 0 else { throw Failure(description: "libhdf5 could not create a file in memory") }
    }

    deinit {
        H5Pclose(groupProperties)
        H5Pclose(datasetProperties)
        H5Fclose(handle)
    }

    func group(_ path: String) throws(Failure) {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty ? "" : "/") + part
            if H5Lexists(handle, prefix, nn_h5p_default()) > 0 { continue }
            let group = H5Gcreate2(handle, prefix, nn_h5p_default(), groupProperties, nn_h5p_default())
            guard group >= 0 else { throw Failure(description: "libhdf5 could not create the group \(prefix)") }
            H5Gclose(group)
        }
    }

    func dataset(_ path: String, shape: [Int], values: [Double], storage: Storage = .float64) throws(Failure) {
        if let slash = path.lastIndex(of: "/") { try group(String(path[..<slash])) }
        let dims = shape.map { hsize_t($0) }
        let space = dims.isEmpty ? H5Screate(H5S_SCALAR) : H5Screate_simple(Int32(dims.count), dims, nil)
        defer { H5Sclose(space) }
        let type = switch storage {
        case .float64: nn_h5t_ieee_f64le()
        case .float32: nn_h5t_ieee_f32le()
        case .int64: nn_h5t_std_i64le()
        }
        let dataset = H5Dcreate2(handle, path, type, space, nn_h5p_default(), datasetProperties, nn_h5p_default())
        guard dataset >= 0 else { throw Failure(description: "libhdf5 could not create the dataset \(path)") }
        defer { H5Dclose(dataset) }
        guard H5Dwrite(dataset, nn_h5t_native_double(), nn_h5s_all(), nn_h5s_all(), nn_h5p_default(), values) >= 0 else {
            throw Failure(description: "libhdf5 could not write the dataset \(path)")
        }
    }

    func attribute(_ name: String, on path: String, strings: [String], scalar: Bool = false) throws(Failure) {
        let type = H5Tcopy(nn_h5t_c_s1())
        defer { H5Tclose(type) }
        H5Tset_size(type, nn_h5t_variable())
        H5Tset_cset(type, H5T_CSET_UTF8)
        let space = scalar ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, [hsize_t(strings.count)], nil)
        defer { H5Sclose(space) }
        let attribute = H5Acreate_by_name(handle, path, name, type, space, nn_h5p_default(), nn_h5p_default(), nn_h5p_default())
        guard attribute >= 0 else { throw Failure(description: "libhdf5 could not create the attribute \(name) on \(path)") }
        defer { H5Aclose(attribute) }
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = copies.map { p -> UnsafePointer<CChar>? in p.map { UnsafePointer($0) } }
        if pointers.isEmpty { pointers = [nil] }
        guard strings.isEmpty || H5Awrite(attribute, type, &pointers) >= 0 else {
            throw Failure(description: "libhdf5 could not write the attribute \(name) on \(path)")
        }
    }

    func bytes() throws(Failure) -> [UInt8] {
        guard H5Fflush(handle, H5F_SCOPE_GLOBAL) >= 0 else { throw Failure(description: "libhdf5 could not flush the file") }
        let size = H5Fget_file_image(handle, nil, 0)
        guard size > 0 else { throw Failure(description: "libhdf5 gave no file image") }
        var bytes = [UInt8](repeating: 0, count: size)
        guard H5Fget_file_image(handle, &bytes, size) == size else { throw Failure(description: "libhdf5 gave a short file image") }
        return bytes
    }
}
