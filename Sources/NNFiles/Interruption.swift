import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Cleans up what NNLab is in the middle of writing when the user presses Ctrl-C (SIGINT) or the
/// process is terminated (SIGTERM, SIGHUP): the registered temporary files and folders are removed,
/// then the process ends by the same signal (exit status 128 + signal, as the shell expects).
///
/// The C handler only writes the signal number to a pipe (async-signal-safe); a dedicated thread
/// reads it and does the removal, so the cleanup runs even while every core is training.
public enum Interruption {
    private static let registry = Registry()

    /// Removes `path` (file or folder) if the process is interrupted before `unregister`.
    public static func register(_ path: String) {
        registry.add(path)
    }

    /// `path` no longer needs cleaning up (it was moved into place or removed).
    public static func unregister(_ path: String) {
        registry.remove(path)
    }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []
        private var installed = false

        func add(_ path: String) {
            lock.lock()
            defer { lock.unlock() }
            paths.insert(path)
            guard !installed else { return }
            installed = true
            let descriptor = nnlab_install_interrupt_pipe()
            guard descriptor >= 0 else { return }
            let thread = Thread { [self] in
                nnlab_unblock_interrupts()
                var byte: UInt8 = 0
                while read(descriptor, &byte, 1) != 1 {
                    if errno != EINTR { return }
                }
                cleanUp(signal: Int32(byte))
            }
            thread.name = "nnlab-interruption"
            thread.start()
        }

        func remove(_ path: String) {
            lock.lock()
            paths.remove(path)
            lock.unlock()
        }

        private func cleanUp(signal number: Int32) -> Never {
            lock.lock()
            for path in paths {
                // Renamed first, so threads still writing into the folder cannot refill it by path.
                let doomed = path + ".removing"
                let target = rename(path, doomed) == 0 ? doomed : path
                for _ in 0..<3 where PathStatus.of(target) != .missing { try? FileManager.default.removeItem(atPath: target) }
            }
            paths.removeAll()
            signal(number, SIG_DFL)
            raise(number)
            _exit(128 + number)
        }
    }
}
