import Foundation

/// Reading and atomically writing the user's files, with errors that name the file.
public enum TextFile {
    /// The largest file NNLab reads (model, data and run files are text).
    public static let maximumSize = 1 << 30

    /// The bytes of the file at `path`.
    /// - Throws: `InputError` when it does not exist, is a directory, cannot be read or is too large.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "expected a file, received a path that does not exist")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, message: "expected a file, received a directory") }
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

    /// Parses the JSON file at `path`.
    public static func readJSON(_ path: String) throws(InputError) -> JSONField {
        JSONField(try JSONParser.parse(try read(path), file: path), file: path)
    }

    /// Writes `text` to `path` atomically: a temporary file beside it, then a rename, so a
    /// crash never leaves half a file and never destroys the previous one.
    public static func writeAtomically(_ text: String, to path: String) throws(InputError) {
        try checkDestination(path)
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(text.utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: path, message: "could not be written: \(error.localizedDescription)")
        }
    }

    /// Checks, before any work, that `path` can receive a file: its folder exists and it is not a directory.
    public static func checkDestination(_ path: String) throws(InputError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: path, message: "expected an existing directory to write into, received \(directory)")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(file: path, message: "expected a file path to write, received a directory")
        }
    }

    /// `path` resolved against the directory of `base` (for paths inside run files), kept
    /// relative when `base` is, so error messages show paths as the user would type them.
    public static func resolve(_ path: String, relativeTo base: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = base.lastIndex(of: "/") else { return path }
        return String(base[...slash]) + path
    }
}
