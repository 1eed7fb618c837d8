import Foundation

/// Progress on stderr: a bar with an ETA on a terminal, plain lines otherwise, or nothing.
public final class Progress: @unchecked Sendable {
    public enum Style: Sendable { case bar, lines, silent }

    public let style: Style
    private let lock = NSLock()
    private var label = ""
    private var total = 0
    private var start: UInt64 = 0
    private var lastPrinted = -1

    public init(style: Style) {
        self.style = style
    }

    /// Bars on a terminal, lines otherwise.
    public static func automatic() -> Progress {
        Progress(style: isatty(STDERR_FILENO) == 1 ? .bar : .lines)
    }

    public func line(_ text: String) {
        guard style != .silent else { return }
        emit("nnlab: \(text)\n")
    }

    func begin(_ label: String, total: Int) {
        lock.lock()
        self.label = label
        self.total = total
        start = DispatchTime.now().uptimeNanoseconds
        lastPrinted = -1
        lock.unlock()
        if style == .lines { line("\(label): \(Format.count(total, "run"))") }
    }

    func advance(to done: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard total > 0 else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let fraction = Double(done) / Double(total)
        switch style {
        case .bar:
            let width = 28
            let filled = Int(fraction * Double(width))
            let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
            emit("\r\u{1B}[K\(label) " + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                 + " \(done)/\(total)  ETA \(String(format: "%.1f", eta)) s")
        case .lines:
            let decile = Int(fraction * 10)
            if decile > lastPrinted {
                lastPrinted = decile
                emit("nnlab: \(label) \(done)/\(total) (\(String(format: "%.1f", elapsed)) s)\n")
            }
        case .silent:
            break
        }
    }

    func end() {
        if style == .bar { emit("\r\u{1B}[K") }
    }

    private func emit(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
