import NNCore
import NNFiles

/// The records of a delimited text file (RFC 4180): fields split on a one-byte delimiter,
/// records on LF or CRLF, fields optionally in double quotes (which may then hold delimiters,
/// line breaks and `""` for a quote). Empty lines are skipped; a UTF-8 byte order mark is ignored.
///
/// Quoted fields are unescaped in place in `bytes`, and every field is a byte range of it, so
/// reading allocates a handful of arrays however many fields there are.
struct CSVRecords {
    /// The file's bytes, quoted fields unescaped in place.
    private(set) var bytes: [UInt8]
    /// Field k is `bytes[fieldStarts[k]..<fieldEnds[k]]`.
    private(set) var fieldStarts: [Int] = []
    private(set) var fieldEnds: [Int] = []
    /// Record r's fields are `recordStarts[r]..<recordStarts[r + 1]` (one sentinel at the end).
    private(set) var recordStarts: [Int] = [0]
    /// The 1-based line on which record r starts.
    private(set) var lines: [Int] = []

    var count: Int { lines.count }

    func fieldCount(_ record: Int) -> Int { recordStarts[record + 1] - recordStarts[record] }

    /// The text of field `column` of `record` (for headers, labels and error messages).
    func text(_ record: Int, _ column: Int) -> String {
        let k = recordStarts[record] + column
        return String(decoding: bytes[fieldStarts[k]..<fieldEnds[k]], as: UTF8.self)
    }

    init(_ input: [UInt8], delimiter: UInt8, file: String) throws(InputError) {
        bytes = input
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var failure: InputError?
        var starts: [Int] = [], ends: [Int] = [], recordStarts: [Int] = [0], lines: [Int] = []
        let estimatedFields = input.count / 4
        starts.reserveCapacity(estimatedFields)
        ends.reserveCapacity(estimatedFields)
        bytes.withUnsafeMutableBufferPointer { buffer in
            let n = buffer.count
            var i = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            var line = 1
            while i < n {
                // One record.
                let recordLine = line
                let firstField = starts.count
                var recordEnded = false
                while !recordEnded {
                    let fieldStart = i
                    if i < n && buffer[i] == quote {
                        // Quoted: unescape into [fieldStart, write).
                        var write = fieldStart
                        i += 1
                        var closed = false
                        while i < n {
                            let byte = buffer[i]
                            if byte == quote {
                                if i + 1 < n && buffer[i + 1] == quote {
                                    buffer[write] = quote
                                    write += 1
                                    i += 2
                                    continue
                                }
                                i += 1
                                closed = true
                                break
                            }
                            if byte == newline { line += 1 }
                            buffer[write] = byte
                            write += 1
                            i += 1
                        }
                        guard closed else {
                            failure = InputError(file: file, line: recordLine, message:
                                "expected a closing quote for the field opened on line \(recordLine), received the end of the file")
                            return
                        }
                        starts.append(fieldStart)
                        ends.append(write)
                        // Spaces may pad a quoted field; anything else before the delimiter is an error.
                        while i < n && buffer[i] == 0x20 && delimiter != 0x20 { i += 1 }
                        if i < n && buffer[i] != delimiter && buffer[i] != newline && buffer[i] != carriageReturn {
                            failure = InputError(file: file, line: line, message:
                                "expected a delimiter or a line end after a closing quote, received \"\(Character(Unicode.Scalar(buffer[i])))\"")
                            return
                        }
                    } else {
                        while i < n && buffer[i] != delimiter && buffer[i] != newline && buffer[i] != carriageReturn { i += 1 }
                        starts.append(fieldStart)
                        ends.append(i)
                    }
                    // After a field: a delimiter (another field follows) or the end of the record.
                    if i < n && buffer[i] == delimiter {
                        i += 1
                    } else {
                        if i < n && buffer[i] == carriageReturn { i += 1 }
                        if i < n && buffer[i] == newline { i += 1 }
                        line += 1
                        recordEnded = true
                    }
                }
                // A line holding nothing (or only blanks) is skipped, not a record of one empty field.
                if starts.count - firstField == 1 {
                    let (from, to) = CSVRecords.blankTrimmed(buffer, starts[firstField], ends[firstField])
                    if from == to {
                        starts.removeLast()
                        ends.removeLast()
                        continue
                    }
                }
                recordStarts.append(starts.count)
                lines.append(recordLine)
            }
        }
        if let failure { throw failure }
        self.fieldStarts = starts
        self.fieldEnds = ends
        self.recordStarts = recordStarts
        self.lines = lines
    }

    private static func blankTrimmed(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var start = start, end = end
        while start < end && (buffer[start] == 0x20 || buffer[start] == 0x09) { start += 1 }
        while end > start && (buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09) { end -= 1 }
        return (start, end)
    }
}
