import NNCore
@testable import NNData
import Testing
import NNFiles

@Suite struct CSVFileTests {
    let directory = TemporaryDirectory()

    @Test func headerQuotesStringLabelsAndEmptyLines() throws {
        let path = directory.write("flowers.csv", """
            length,"width, in cm",species\r
            1.5,2,setosa\r
            \r
            3,4.25e1,"virginica"\r
            -2,0.5,setosa\r

            """)
        let data = try CSVFile.loadClassification(path, options: .init(label: .name("species")))
        #expect(data.features.rowArrays == [[1.5, 2], [3, 42.5], [-2, 0.5]])
        #expect(data.labels == [0, 1, 0])
        #expect(data.classNames == ["setosa", "virginica"])
        // Automatic header detection gives the same (the label column is not used to decide).
        #expect(try CSVFile.loadClassification(path) == data)
    }

    @Test func labelColumnByIndexAndSortedClasses() throws {
        let path = directory.write("first.csv", "b;1;2\na;3;4\nc;5;6\na;7;8\n")
        let options = CSVFile.Options(label: .index(0), delimiter: UInt8(ascii: ";"), classOrder: .sorted)
        let data = try CSVFile.loadClassification(path, options: options)
        #expect(data.classNames == ["a", "b", "c"])
        #expect(data.labels == [1, 0, 2, 0])
        #expect(data.features.rowArrays == [[1, 2], [3, 4], [5, 6], [7, 8]])
        var firstSeen = options
        firstSeen.classOrder = .automatic
        #expect(try CSVFile.loadClassification(path, options: firstSeen).classNames == ["b", "a", "c"])
    }

    @Test func integerLabelsSortNumericallyAndTabsWork() throws {
        let path = directory.write("tabs.tsv", "0.5\t10\n1.5\t2\n2.5\t10\n")
        let data = try CSVFile.loadClassification(path, options: .init(delimiter: 9))
        #expect(data.classNames == ["2", "10"])
        #expect(data.labels == [1, 0, 1])
    }

    @Test func quotedFieldsWithEscapesAndLineBreaks() throws {
        let path = directory.write("quoted.csv", "name,x,label\n\"say \"\"hi\"\"\nthere\",1,0\nplain,2,1\n")
        let error = inputError { () throws(InputError) in try CSVFile.loadClassification(path) }
        // The quoted name is a feature column, so it must be a number: line 2, the text unescaped and its line break shown as \n.
        #expect(error?.description == "\(path):2: column 1 (\"name\"): expected a finite number, received \"say \"hi\"\\nthere\"")
        let data = try CSVFile.loadRegression(directory.write("q2.csv", "\"1\",\"2.5\"\n3,4\n"), options: .init(header: .absent, label: .index(0)))
        #expect(data.x.elements == [2.5, 4] && data.y.elements == [1, 3])
    }

    @Test func regressionTargets() throws {
        let path = directory.write("reg.csv", "x,y\n1,0.25\n2,-1e-3\n")
        let data = try CSVFile.loadRegression(path, options: .init(label: .name("y")))
        #expect(data.x.elements == [1, 2] && data.y.elements == [0.25, -0.001])
        // Several target columns, in the order given (by name or index); the rest are the features.
        let wide = directory.write("wide.csv", "a,b,c,d\n1,2,3,4\n5,6,7,8\n")
        let two = try CSVFile.loadRegression(wide, options: .init(targets: [.name("d"), .index(1)]))
        #expect(two.x.columns == 2 && two.x.elements == [1, 3, 5, 7])
        #expect(two.y.columns == 2 && two.y.elements == [4, 2, 8, 6])
        let twice = inputError { () throws(InputError) in try CSVFile.loadRegression(wide, options: .init(targets: [.name("b"), .index(1)])) }
        #expect(twice?.message == "expected distinct target columns, received \"b\" (index 1) twice")
        let all = inputError { () throws(InputError) in try CSVFile.loadRegression(wide, options: .init(targets: [.index(0), .index(1), .index(2), .index(3)])) }
        #expect(all?.message == "expected at least one feature column beside the 4 target columns, received 4 columns in all")
    }

    @Test func declaredClassCountRejectsOutOfRangeLabels() throws {
        let path = directory.write("range.csv", "1,2,0\n3,4,9\n5,6,3\n")
        let data = try CSVFile.loadClassification(path, options: .init(classCount: 10))
        #expect(data.classCount == 10 && data.labels == [0, 9, 3])
        let error = inputError { () throws(InputError) in try CSVFile.loadClassification(path, options: .init(classCount: 5)) }
        #expect(error?.description == "\(path):2: column 3: expected a class index in 0..<5, received \"9\"")
    }

    @Test func errorsNameTheFileLineAndColumn() throws {
        let ragged = directory.write("ragged.csv", "1,2,0\n3,0\n")
        #expect(inputError { () throws(InputError) in try CSVFile.loadClassification(ragged) }?.description
                == "\(ragged):2: expected 3 fields (as on line 1), received 2")
        let empty = directory.write("empty.csv", "\n\n")
        #expect(inputError { () throws(InputError) in try CSVFile.loadClassification(empty) }?.message
                == "expected lines of comma-separated values, received an empty file")
        let unclosed = directory.write("unclosed.csv", "1,2,0\n3,\"4,0\n")
        #expect(inputError { () throws(InputError) in try CSVFile.loadClassification(unclosed) }?.description
                == "\(unclosed):2: expected a closing quote for the field opened on line 2, received the end of the file")
        let blank = directory.write("blank.csv", "1,,0\n")
        #expect(inputError { () throws(InputError) in try CSVFile.loadClassification(blank, options: .init(header: .absent)) }?.description
                == "\(blank):1: column 2: expected a finite number, received an empty field")
        let nan = directory.write("nan.csv", "a,b\n1,nan\n")
        #expect(inputError { () throws(InputError) in try CSVFile.loadRegression(nan) }?.message == "expected a finite number, received \"nan\"")
        let noColumn = directory.write("named.csv", "a,b\n1,2\n")
        #expect(inputError { () throws(InputError) in try CSVFile.loadClassification(noColumn, options: .init(label: .name("class"))) }?.description
                == "\(noColumn):1: label: expected a column named \"class\", received \"a\", \"b\"")
        #expect(inputError { () throws(InputError) in try CSVFile.loadClassification(noColumn, options: .init(label: .index(5))) }?.message
                == "expected a 0-based column index from -2 to 1 (negative counts from the end), received 5")
        let missing = directory.path + "/missing.csv"
        #expect(inputError { () throws(InputError) in try CSVFile.loadClassification(missing) }?.file == missing)
    }

    @Test func numberParserIsCorrectlyRounded() {
        let literals = ["0", "-0.5", "1e-300", "3.141592653589793238462643", "123456789012345678901234567890",
                        "  7.25 ", "+4", "1.7976931348623157e308", "5e-324", "0.1", "2.2250738585072014e-308", ".5", "5."]
        for literal in literals {
            let bytes = Array(literal.utf8)
            let parsed = bytes.withUnsafeBufferPointer { NumberParser.double($0, 0, bytes.count) }
            let expected = Double(literal.trimmingBlanks)
            #expect(parsed == expected, "\(literal)")
        }
        for bad in ["", "-", "1e", "1.2.3", "0x10", "inf", "1e999", "e5", "."] {
            let bytes = Array(bad.utf8)
            #expect(bytes.withUnsafeBufferPointer { NumberParser.double($0, 0, bytes.count) } == nil, "\(bad)")
        }
    }
}
