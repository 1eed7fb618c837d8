import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a path names on disk, read with `lstat` (a symbolic link is reported as a link, not followed).
public enum PathStatus: Sendable, Equatable {
    case missing
    case regularFile
    case directory
    case symbolicLink
    /// A FIFO, socket, character or block device: NNLab neither reads nor replaces these.
    case special(String)

    /// The status of `path` itself (symbolic links are not followed).
    public static func of(_ path: String) -> PathStatus {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return kind(info.st_mode)
    }

    /// The status of what `path` names after following symbolic links.
    public static func following(_ path: String) -> PathStatus {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return kind(info.st_mode)
    }

    private static func kind(_ mode: mode_t) -> PathStatus {
        switch mode & S_IFMT {
        case S_IFREG: .regularFile
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        case S_IFIFO: .special("a FIFO (named pipe)")
        case S_IFCHR: .special("a character device")
        case S_IFBLK: .special("a block device")
        case S_IFSOCK: .special("a socket")
        default: .special("a special file")
        }
    }

    /// "a directory", "a FIFO (named pipe)", … for error messages.
    public var description: String {
        switch self {
        case .missing: "a path that does not exist"
        case .regularFile: "a file"
        case .directory: "a directory"
        case .symbolicLink: "a symbolic link"
        case .special(let kind): kind
        }
    }

    /// `path` with every symbolic link resolved (absolute), or nil when it does not exist.
    public static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Whether this process may write to `path`.
    public static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// Whether a process with this identifier is running (used to find building folders left by killed runs).
    public static func processIsAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
