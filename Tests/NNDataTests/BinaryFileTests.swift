import Foundation
import NNCore
@testable import NNData
import Testing
import NNFiles

/// An `.npy` file: version `major`, a header dict, then `data`, padded as numpy pads it.
func npy(_ dict: String, _ data: [UInt8], major: UInt8 = 1) -> [UInt8] {
    let prefix = major == 1 ? 10 : 12
    var header = Array(dict.utf8)
    while (prefix + header.count + 1) % 64 != 0 { header.append(0x20) }
    header.append(0x0A)
    var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [major, 0]
    let length = header.count
    bytes += major == 1 ? [UInt8(length & 0xFF), UInt8(length >> 8)] : (0..<4).map { UInt8((length >> (8 * $0)) & 0xFF) }
    return bytes + header + data
}

func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
}

/// An IDX file with `magic`, dimensions and data (big-endian header).
func idx(_ magic: UInt32, _ dimensions: [UInt32], _ data: [UInt8]) -> [UInt8] {
    ([magic] + dimensions).flatMap { word in (0..<4).map { UInt8((word >> (8 * (3 - UInt32($0)))) & 0xFF) } } + data
}

@Suite struct BinaryFileTests {
    let directory = TemporaryDirectory()

    @Test func npyDtypesAndVersions() throws {
        let doubles = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                          littleEndian([1.5, -2, 3, 4, 5, 6.25].map { $0.bitPattern }))
        let array = try NPYFile.load(directory.write("a.npy", doubles))
        #expect(array.shape == [2, 3] && array.matrix.rowArrays == [[1.5, -2, 3], [4, 5, 6.25]])
        // Fortran order (np.save(f, a.T) of a C array): the same matrix, stored column after column.
        let fortran = npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
                          littleEndian([1.5, 4, -2, 5, 3, 6.25].map { $0.bitPattern }))
        #expect(try NPYFile.load(directory.write("fortran.npy", fortran)).matrix.rowArrays == [[1.5, -2, 3], [4, 5, 6.25]])
        let floats = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", littleEndian([Float(0.5), -1, 2].map { $0.bitPattern }), major: 2)
        #expect(try NPYFile.load(directory.write("f.npy", floats)).matrix.rowArrays == [[0.5], [-1], [2]])
        let int64 = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", littleEndian([Int64(-7), 9]), major: 3)
        #expect(try NPYFile.load(directory.write("i8.npy", int64)).values == [-7, 9])
        let int32 = npy("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", littleEndian([Int32(-70000), 3]))
        #expect(try NPYFile.load(directory.write("i4.npy", int32)).values == [-70000, 3])
        let int16 = npy("{'descr': '<i2', 'fortran_order': False, 'shape': (1, 2), }", littleEndian([Int16(-2), 300]))
        #expect(try NPYFile.load(directory.write("i2.npy", int16)).values == [-2, 300])
        let uint16 = npy("{'descr': '<u2', 'fortran_order': False, 'shape': (2,), }", littleEndian([UInt16(65535), 1]))
        #expect(try NPYFile.load(directory.write("u2.npy", uint16)).values == [65535, 1])
        let bytes = npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", [255, 0])
        #expect(try NPYFile.load(directory.write("u1.npy", bytes)).values == [255, 0])
        let signedBytes = npy("{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }", [0xFF, 0x7F])
        #expect(try NPYFile.load(directory.write("i1.npy", signedBytes)).values == [-1, 127])
        let bigEndian = npy("{'descr': '>i4', 'fortran_order': False, 'shape': (1,), }", [0, 0, 1, 2])
        #expect(try NPYFile.load(directory.write("be.npy", bigEndian)).values == [258])
    }

    @Test func npyClassificationAndErrors() throws {
        let x = directory.write("x.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 1), }",
                                             littleEndian([1.0, 2, 3].map { $0.bitPattern })))
        let y = directory.write("y.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", littleEndian([Int64(0), 2, 1])))
        let data = try NPYFile.loadClassification(features: x, labels: y, classCount: 3)
        #expect(data.labels == [0, 2, 1] && data.features.elements == [1, 2, 3])
        #expect(inputError { () throws(InputError) in try NPYFile.loadClassification(features: x, labels: y, classCount: 2) }?.description
                == "\(y): labels[1]: expected a class index in 0..<2, received 2.0")
        // A Fortran-order file too short for its shape is refused like a C-order one.
        let fortran = directory.write("fortran-short.npy", npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", littleEndian([UInt64(0)])))
        #expect(inputError { () throws(InputError) in try NPYFile.load(fortran) }?.description.contains("expected 32 data bytes for shape (2, 2)") == true)
        let short = directory.write("short.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", littleEndian([UInt64(0)])))
        #expect(inputError { () throws(InputError) in try NPYFile.load(short) }?.description
                == "\(short): expected 32 data bytes for shape (2, 2) of <f8, received 8")
        let threeD = directory.write("3d.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", littleEndian([UInt64(0)])))
        #expect(inputError { () throws(InputError) in try NPYFile.load(threeD) }?.message == "expected a 1-D or 2-D array, received shape (1, 1, 1)")
        let complex = directory.write("c.npy", npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", [UInt8](repeating: 0, count: 16)))
        #expect(inputError { () throws(InputError) in try NPYFile.load(complex) }?.field == "descr")
        let notNPY = directory.write("text.npy", "hello world")
        #expect(inputError { () throws(InputError) in try NPYFile.load(notNPY) }?.description
                == "\(notNPY): expected a NumPy .npy file (magic \\x93NUMPY), received bytes 68 65 6c 6c 6f 20")
        let truncatedHeader = directory.write("th.npy", Array(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", [])[0..<30]))
        #expect(inputError { () throws(InputError) in try NPYFile.load(truncatedHeader) }?.message
                == "expected a complete .npy header, received a file that ends after 30 bytes")
        let huge = directory.write("huge.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", []))
        #expect(inputError { () throws(InputError) in try NPYFile.load(huge) }?.message
                == "expected a shape that fits in memory, received (4294967296, 4294967296)")
        let wrongLabels = directory.write("y2.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", littleEndian([Int64(0), 1])))
        #expect(inputError { () throws(InputError) in try NPYFile.loadClassification(features: x, labels: wrongLabels, classCount: 3) }?.message
                == "expected 3 labels (one per row of \(x)), received 2")
    }

    @Test func idxRawAndGzip() throws {
        let pixels: [UInt8] = [0, 255, 10, 20, 30, 40, 50, 60]
        let images = idx(0x0000_0803, [2, 2, 2], pixels)
        let labels = idx(0x0000_0801, [2], [7, 3])
        let raw = try IDXFile.loadClassification(images: directory.write("img", images), labels: directory.write("lab", labels))
        #expect(raw.features.rowArrays == [[0, 255, 10, 20], [30, 40, 50, 60]] && raw.labels == [7, 3])
        let zipped = try IDXFile.loadClassification(images: directory.write("img.gz", gzipStored(images)),
                                                    labels: directory.write("lab.gz", gzipStored(labels)))
        #expect(zipped == raw)
        // Two concatenated gzip members read as one stream, as gunzip does.
        let split = gzipStored(Array(images[0..<9])) + gzipStored(Array(images[9...]))
        #expect(try IDXFile.loadImages(directory.write("two.gz", split)) == raw.features)
    }

    @Test func idxErrors() throws {
        let labels = directory.write("lab", idx(0x0000_0801, [2], [7, 3]))
        let images = directory.write("img", idx(0x0000_0803, [2, 2, 2], [UInt8](repeating: 1, count: 8)))
        #expect(inputError { () throws(InputError) in try IDXFile.loadImages(labels) }?.description
                == "\(labels): magic: expected 0x00000803 (an IDX image file), received 0x00000801")
        #expect(inputError { () throws(InputError) in try IDXFile.loadLabels(labels, classCount: 5) }?.description
                == "\(labels): labels[0]: expected a class index in 0..<5, received 7")
        let truncated = directory.write("short", idx(0x0000_0803, [2, 2, 2], [1, 2, 3]))
        #expect(inputError { () throws(InputError) in try IDXFile.loadImages(truncated) }?.message
                == "expected 8 data bytes for 2 × 2 × 2, received 3")
        let mismatch = directory.write("lab3", idx(0x0000_0801, [3], [1, 2, 3]))
        #expect(inputError { () throws(InputError) in try IDXFile.loadClassification(images: images, labels: mismatch) }?.message
                == "expected 2 labels (one per image in \(images)), received 3")
        let huge = directory.write("huge", idx(0x0000_0803, [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], [1]))
        #expect(inputError { () throws(InputError) in try IDXFile.loadImages(huge) }?.message.hasPrefix("expected more data bytes than fit in memory") == true)
        let tiny = directory.write("tiny", [0, 0])
        #expect(inputError { () throws(InputError) in try IDXFile.loadLabels(tiny) }?.message
                == "expected an IDX label file (magic 0x00000801), received a file of 2 bytes")
        let headerOnly = directory.write("header", [0, 0, 8, 3, 0, 0])
        #expect(inputError { () throws(InputError) in try IDXFile.loadImages(headerOnly) }?.message
                == "expected a header of 16 bytes, received a file of 6 bytes")
        // A gzip stream cut short, and one with a damaged checksum.
        let zipped = gzipStored(idx(0x0000_0801, [2], [7, 3]))
        let cut = directory.write("cut.gz", Array(zipped[0..<(zipped.count - 6)]))
        #expect(inputError { () throws(InputError) in try IDXFile.loadLabels(cut) }?.message.hasPrefix("expected a complete gzip stream, received one that ends early") == true)
        var damaged = zipped
        damaged[damaged.count - 5] ^= 0xFF
        let bad = directory.write("bad.gz", damaged)
        #expect(inputError { () throws(InputError) in try IDXFile.loadLabels(bad) }?.message.hasPrefix("expected valid gzip data, received corrupt data") == true)
    }

    @Test func cifarRecordsAndErrors() throws {
        var bytes = [UInt8]()
        for label: UInt8 in [3, 9] {
            bytes.append(label)
            bytes += (0..<3072).map { UInt8(truncatingIfNeeded: $0 &+ Int(label)) }
        }
        let data = try CIFARFile.load(directory.write("batch.bin", bytes))
        #expect(data.count == 2 && data.featureCount == 3072 && data.labels == [3, 9])
        #expect(data.classNames[3] == "cat")
        #expect(data.features[1, 0] == 9 && data.features[1, 1024] == Double(UInt8(truncatingIfNeeded: 1024 + 9)))
        let truncated = directory.write("short.bin", Array(bytes[0..<5000]))
        #expect(inputError { () throws(InputError) in try CIFARFile.load(truncated) }?.description
                == "\(truncated): expected a whole number of 3073-byte records, received 5000 bytes (1 records and 1927 extra bytes)")
        var badLabel = bytes
        badLabel[3073] = 12
        let bad = directory.write("bad.bin", badLabel)
        #expect(inputError { () throws(InputError) in try CIFARFile.load(bad) }?.description
                == "\(bad): record 1 (byte offset 3073): expected a label in 0..<10, received 12")
        #expect(inputError { () throws(InputError) in try CIFARFile.load(directory.write("empty.bin", [UInt8]())) }?.message
                == "expected a whole number of 3073-byte records, received 0 bytes")
        #expect(inputError { () throws(InputError) in try CIFARFile.load(directory.path) }?.message == "expected a regular file, received a directory")
    }

    /// NaN or ±inf in an array is refused at its position: it would otherwise show up only as a
    /// "divergence" blamed on the learning rate.
    @Test func nonFiniteNPYValuesAreRefused() throws {
        for (value, shown) in [(Double.nan, "nan"), (Double.infinity, "inf")] {
            let bytes = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", littleEndian([1.0, 2, value, 4].map(\.bitPattern)))
            let error = inputError { () throws(InputError) in try NPYFile.parse(bytes, file: "x.npy") }
            #expect(error?.description == "x.npy: [1, 0]: expected finite numbers, received \(shown)")
        }
    }
}
