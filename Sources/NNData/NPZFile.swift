import NNFiles

/// NumPy `.npz` archives (`numpy.savez`, `numpy.savez_compressed`): a ZIP archive of `.npy`
/// members, one per array, named after the array (`x.npy` for `savez(f, x=…)`).
public enum NPZFile {
    /// The arrays `names` (without `.npy`) of the archive at `path`, in that order.
    /// - Parameter maximumBytes: the most bytes any one member may inflate to (the memory it may take).
    public static func load(_ path: String, arrays names: [String], maximumBytes: Int) throws(InputError) -> [NPYArray] {
        try parse(TextFile.read(path), file: path, arrays: names, maximumBytes: maximumBytes)
    }

    /// The names of the arrays in an `.npz` archive's bytes (its `.npy` members, without the extension), in
    /// order; an archive naming one array twice is refused (NumPy would read the last, this reader the first).
    public static func arrayNames(_ bytes: [UInt8], file: String) throws(InputError) -> [String] {
        let names = try ZipArchive(bytes, file: file).members.map { $0.name.hasSuffix(".npy") ? String($0.name.dropLast(4)) : $0.name }
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw InputError(file: file, message: "expected each array once, received \"\(name)\" twice (NumPy would read the last, NNLab refuses to guess)")
        }
        return names
    }

    /// Parses the bytes of an `.npz` archive, errors naming `file`.
    public static func parse(_ bytes: [UInt8], file: String, arrays names: [String], maximumBytes: Int) throws(InputError) -> [NPYArray] {
        let archive = try ZipArchive(bytes, file: file)
        var arrays: [NPYArray] = []
        for name in names {
            guard let member = archive.members.first(where: { $0.name == name + ".npy" }) else {
                let present = archive.members.map { $0.name.hasSuffix(".npy") ? String($0.name.dropLast(4)) : $0.name }
                throw InputError(file: file, message: "expected an array named \"\(name)\" (\(name).npy), received \(present.isEmpty ? "an empty archive" : present.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            let contents = try archive.contents(member, limit: maximumBytes, limitReason: "what the memory budget leaves")
            arrays.append(try NPYFile.parse(contents, file: "\(file): \(member.name)"))
        }
        return arrays
    }
}
