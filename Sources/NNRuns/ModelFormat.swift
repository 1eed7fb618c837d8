import NNCore
import NNData
import NNFiles

/// The files a model is written to, by extension: NNLab's JSON model file, NumPy's `.npz` (the dense
/// layers' arrays, `ModelArrays`), Keras 3's `.keras` and legacy `.h5` / `.hdf5` (`KerasExport`).
public enum ModelFormat: String, CaseIterable, Sendable {
    case json, npz, keras, h5

    /// The format a path's extension names (`.hdf5` is `.h5`), or nil.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { self = .json }
        else if lower.hasSuffix(".npz") { self = .npz }
        else if lower.hasSuffix(".keras") { self = .keras }
        else if lower.hasSuffix(".h5") || lower.hasSuffix(".hdf5") { self = .h5 }
        else { return nil }
    }

    /// A `--to` name (`hdf5` is `h5`).
    public init?(name: String) {
        self.init(rawValue: name == "hdf5" ? "h5" : name)
    }

    /// The names `--to` takes, for errors.
    public static let names = "json, npz, keras or h5"

    /// Checks that the format can hold `network` (Keras's files hold no `features` layer), before any
    /// work is done; errors name `file`.
    public func check(_ network: Network, file: String) throws(InputError) {
        if self == .keras || self == .h5 { _ = try KerasExport.plan(network, file: file) }
    }

    /// What the file does not keep of `network`, to say beside "wrote …" (nil: it keeps everything).
    public func note(for network: Network) -> String? {
        guard self == .keras || self == .h5, network.constants == .exact else { return nil }
        return "note: Keras has no exact constants: the file computes as Keras does (regularizer strengths and leaky slopes rounded to float32), and reads back with constants keras"
    }

    /// The bytes of `network` in this format; errors name `file`.
    public func bytes(of network: Network, file: String) throws(InputError) -> [UInt8] {
        switch self {
        case .json: return Array(ModelFile.encode(network).utf8)
        case .npz:
            do { return try NPZWriter.npz(ModelArrays.arrays(of: network)) } catch {
                throw InputError(file: file, message: "could not be written: \(error)")
            }
        case .keras: return try KerasExport.keras(network, file: file)
        case .h5: return try KerasExport.h5(network, file: file)
        }
    }
}
