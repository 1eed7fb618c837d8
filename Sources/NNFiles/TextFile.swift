import Foundation

/// Reading and atomically writing the user's files, with errors that name the file.
public enum TextFile {
    /// The largest file NNLab reads (model, data and run files are text).
    public static let maximumSize = 1 << 30

    /// The bytes of the file at `path`.
    /// - Throws: `InputError` when it does not exist, is not a regular file (a folder, FIFO or device,
    ///   which could block forever), cannot be read or is too large.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        switch PathStatus.following(path) {
        case .regularFile: break
        case .missing: throw InputError(file: path, message: "expected a file, received a path that does not exist")
        case let other: throw InputError(file: path, message: "expected a regular file, received \(other.description)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, message: "expected a readable file, received one without read permission")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            guard let bytes = try handle.read(upToCount: maximumSize + 1) else { return [] }
            data = bytes
        } catch {
            throw InputError(file: path, message: "could not be read: \(error.localizedDescription)")
        }
        guard data.count <= maximumSize else { throw InputError(file: path, message: "expected at most 1 GiB, received a larger file") }
        return [UInt8](data)
    }

    /// Parses the JSON file at `path`, once its parsed form is known to fit in `budget`.
    public static func readJSON(_ path: String, budget: MemoryBudget = MemoryBudget()) throws(InputError) -> JSONField {
        try checkParsedSize(path, budget: budget)
        return JSONField(try JSONParser.parse(try read(path), file: path), file: path)
    }

    /// The text of the file at `path` (UTF-8), once its parsed form is known to fit in `budget`
    /// (for YAML, which is parsed from text).
    public static func readText(_ path: String, budget: MemoryBudget) throws(InputError) -> String {
        try checkParsedSize(path, budget: budget)
        return String(decoding: try read(path), as: UTF8.self)
    }

    /// Checks, from the file's size, that its text and parsed form (about `MemoryBudget.parsedTextFactor`
    /// bytes per byte of text) fit beside what `budget` holds already.
    public static func checkParsedSize(_ path: String, budget: MemoryBudget) throws(InputError) {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber else { return }
        let bytes = size.doubleValue
        try budget.check(bytes * (1 + MemoryBudget.parsedTextFactor), for: "\(MemoryBudget.format(bytes)) of text to parse",
                         error: { InputError(file: path, message: $0) })
    }

    /// `path` resolved against the directory of `base` (for paths inside run files), kept
    /// relative when `base` is, so error messages show paths as the user would type them.
    public static func resolve(_ path: String, relativeTo base: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = base.lastIndex(of: "/") else { return path }
        return String(base[...slash]) + path
    }
}
