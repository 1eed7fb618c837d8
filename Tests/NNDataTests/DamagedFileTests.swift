import NNCore
@testable import NNData
import Testing
import NNFiles

/// Every prefix and many single-byte corruptions of valid files either load or throw one
/// `InputError` naming the file — never crash (a crash would end the test process).
@Suite struct DamagedFileTests {
    let directory = TemporaryDirectory()

    func damaged(_ bytes: [UInt8], step: Int = 1) -> [[UInt8]] {
        var variants = stride(from: 0, to: bytes.count, by: step).map { Array(bytes[0..<$0]) }
        for i in stride(from: 0, to: bytes.count, by: step) {
            for flip: UInt8 in [0xFF, 0x80, 0x01] {
                var copy = bytes
                copy[i] ^= flip
                variants.append(copy)
            }
        }
        return variants
    }

    func expectErrorsNameTheFile(_ variants: [[UInt8]], _ load: (String) throws(InputError) -> Void) {
        for (n, bytes) in variants.enumerated() {
            let path = directory.write("v\(n)", bytes)
            do throws(InputError) { try load(path) } catch {
                #expect(error.file == path && error.message.hasPrefix("expected"), "\(error)")
            }
        }
    }

    @Test func npyFiles() {
        let file = npy("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }", littleEndian([Int16(1), 2, 3, 4]))
        expectErrorsNameTheFile(damaged(file)) { path throws(InputError) in _ = try NPYFile.load(path) }
    }

    @Test func idxRawAndGzip() {
        let images = idx(0x0000_0803, [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])
        expectErrorsNameTheFile(damaged(images)) { path throws(InputError) in _ = try IDXFile.loadImages(path) }
        expectErrorsNameTheFile(damaged(gzipStored(images))) { path throws(InputError) in _ = try IDXFile.loadImages(path) }
        expectErrorsNameTheFile(damaged(idx(0x0000_0801, [3], [1, 2, 9]))) { path throws(InputError) in _ = try IDXFile.loadLabels(path) }
    }

    @Test func cifarBatches() {
        var batch = [UInt8](repeating: 7, count: 2 * CIFARFile.recordSize)
        batch[0] = 1
        expectErrorsNameTheFile(damaged(batch, step: 257)) { path throws(InputError) in _ = try CIFARFile.load(path) }
    }

    @Test func csvFiles() {
        let text = Array("a,\"b\"\"q\",label\n1.5,2,x\n\n3,4e2,\"y\"\r\n".utf8)
        expectErrorsNameTheFile(damaged(text)) { path throws(InputError) in
            _ = try CSVFile.loadClassification(path)
            _ = try CSVFile.loadRegression(path, options: .init(label: .index(0)))
        }
    }
}
