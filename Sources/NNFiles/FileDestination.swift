import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file NNLab is about to write (`nnlab train --save PATH`), checked before any work starts.
///
/// The rules: a missing path is created; an existing regular file is replaced atomically (the new
/// bytes go to a temporary file beside it, which is then renamed over it, so on any failure the old
/// file is untouched); a symbolic link is followed and the file it points to is replaced, never the
/// link; a folder, FIFO, device or socket is refused.
public struct FileDestination: Sendable, Equatable {
    /// The path as the user gave it (for messages).
    public let path: String
    /// The file actually written: `path` with symbolic links resolved.
    public let target: String

    /// Checks that `path` can receive a file, before any work.
    /// - Throws: `InputError` naming the path, what was expected and what it is.
    public static func check(_ path: String) throws(InputError) -> FileDestination {
        guard !path.isEmpty else { throw InputError(file: "\"\"", message: "expected a file path to write, received an empty path") }
        guard !path.hasSuffix("/") else { throw InputError(file: path, message: "expected a file path to write, received a folder path (ending in /)") }
        var target = path
        switch PathStatus.of(path) {
        case .symbolicLink:
            guard let resolved = PathStatus.resolved(path) else {
                throw InputError(file: path, message: "expected a file to write, received a symbolic link to a path that does not exist")
            }
            target = resolved
        default:
            break
        }
        switch PathStatus.of(target) {
        case .missing:
            break
        case .regularFile:
            guard PathStatus.isWritable(target) else {
                throw InputError(file: path, message: "expected a file NNLab may replace, received one without write permission")
            }
        case let other:
            throw InputError(file: path, message: "expected a regular file to write, received \(other.description); NNLab replaces only regular files")
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        guard PathStatus.following(folder) == .directory else {
            throw InputError(file: path, message: "expected an existing folder to write into, received \(folder), which is not one")
        }
        guard PathStatus.isWritable(folder) else {
            throw InputError(file: path, message: "expected a folder NNLab may write into, received \(folder) without write permission")
        }
        let name = URL(fileURLWithPath: target).lastPathComponent
        // The temporary file beside it is named ".NAME.tmp-PID": it must fit the file system's 255 bytes.
        guard name.utf8.count <= 255 - 20 else {
            throw InputError(file: path, message: "expected a file name of at most 235 bytes (NNLab writes it beside under a longer name first), received one of \(name.utf8.count)")
        }
        removeStaleTemporaryFiles(folder: folder, name: name)
        return FileDestination(path: path, target: target)
    }

    /// Removes ".NAME.tmp-PID" files that a killed run (SIGKILL) left beside the target.
    private static func removeStaleTemporaryFiles(folder: String, name: String) {
        let prefix = ".\(name).tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), !PathStatus.processIsAlive(pid),
                  PathStatus.of(folder + "/" + entry) == .regularFile else { continue }
            unlink(folder + "/" + entry)
        }
    }

    /// Writes `bytes` to a temporary file beside the target, flushes it to disk and renames it over the target.
    /// An existing file keeps its permissions. On any failure the previous file is untouched.
    public func write(_ bytes: [UInt8]) throws(InputError) {
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: target).lastPathComponent
        let temporary = folder + "/.\(name).tmp-\(getpid())"
        var existing = stat()
        let mode: mode_t = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666
        Interruption.register(temporary)
        defer { Interruption.unregister(temporary) }
        unlink(temporary)  // a leftover of this process id from an earlier, killed run
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("could not create a temporary file beside it") }
        var written = 0
        var ok = true
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let n = Glibc.write(descriptor, base + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                written += n
            }
        }
        if ok, existing.st_mode != 0 { _ = fchmod(descriptor, mode) }
        if ok { ok = fsync(descriptor) == 0 }
        let closed = close(descriptor) == 0
        guard ok, closed else {
            let message = failure("could not be written")
            unlink(temporary)
            throw message
        }
        guard rename(temporary, target) == 0 else {
            let message = failure("could not be replaced")
            unlink(temporary)
            throw message
        }
    }

    private func failure(_ what: String) -> InputError {
        InputError(file: path, message: "\(what): \(String(cString: strerror(errno))); the previous file is untouched")
    }
}
