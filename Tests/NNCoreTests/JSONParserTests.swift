import NNCore
import Testing
import NNFiles

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String) throws(InputError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), file: "t.json")
    }

    @Test func numbersRoundTripExactly() throws {
        for x in [0.1, 1e-7, Double.leastNonzeroMagnitude, 1.7976931348623157e308, -2.5, 123456789.125, 0.30000000000000004] {
            let value = try parse("[\(x.description)]")
            guard case .array(let items) = value.kind, case .number(let y, _) = items[0].kind else {
                Issue.record("not a number array")
                return
            }
            #expect(y.bitPattern == x.bitPattern)
        }
    }

    @Test func stringsAndEscapes() throws {
        let value = try parse(#"{"a": "x\"y\\z\n\u00e9\ud83d\ude00", "b": [true, false, null]}"#)
        guard case .object(let members) = value.kind, case .string(let s) = members[0].value.kind else {
            Issue.record("not an object")
            return
        }
        #expect(s == "x\"y\\z\né😀")
    }

    @Test(arguments: [
        ("", "empty file"), ("{", "end of the file"), ("[1,]", "expected a value"), ("[01]", "leading zeros"),
        ("{\"a\" 1}", "expected ':'"), ("[1] x", "expected the end of the document"), ("\"abc", "not closed"),
        ("[1.]", "digits after '.'"), ("{\"a\": 1, \"a\": 2}", "appears twice"), ("tru", "expected a value"),
        // Lone and mismatched UTF-16 surrogates (the first used to overflow the parser's arithmetic).
        (#"["\ud800\u0041"]"#, "low surrogate"), (#"["\ud800"]"#, "low surrogate"), (#"["\ud800x"]"#, "low surrogate"),
        (#"["\udc00"]"#, "high surrogate"), (#"["\ud800\ud800"]"#, "low surrogate"), (#"["\ud800\uffff"]"#, "low surrogate"),
    ])
    func syntaxErrorsNameTheLine(text: String, fragment: String) {
        #expect(throws: InputError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
            #expect(error.description.hasPrefix("t.json:1: not valid JSON"))
        }
    }

    @Test func errorLineNumbers() {
        do {
            _ = try parse("{\n\"a\": 1,\n\"b\": [1, 2,\n]}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 4)
        }
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: InputError.self) { try parse(text) }
    }
}
