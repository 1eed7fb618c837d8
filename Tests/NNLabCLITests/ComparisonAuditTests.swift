import Foundation
import Testing

/// The comparison section audited against runs.json, through the real binary: for several sweeps,
/// every number of the per-variant table, the ranking order and the paired sentence are re-derived
/// independently from the runs' histories, and every variant label from the settings each run
/// trained with (its model, optimizer, batch size and data as runs.json records them).
@Suite("Comparison audit")
struct ComparisonAuditTests {
    static let base = "model: {input: 2, loss: mse, layers: [{type: dense, units: 3, activation: tanh}, {type: dense, units: 1, activation: tanh}]}"

    static let sweeps: [(name: String, yaml: String)] = [
        ("activation-regularizer", """
         comparison:
           base: {data: xor, \(base), optimizer: {type: sgd, learning_rate: 0.1}, epochs: 150, batch_size: 4, metrics: [xor_accuracy]}
           axes:
             activation: [tanh, relu]
             regularizer: [none, {l1: 0.01}, {l2: 0.05}]
           seeds: 4
         """),
        ("data", """
         comparison:
           base: {data: xor, \(base), optimizer: {type: adam, learning_rate: 0.05}, epochs: 60, batch_size: 8, metrics: [sign_accuracy]}
           axes:
             data: [{name: circle, samples: 60}, {name: gauss, samples: 60}, {name: spiral, samples: 60, seed: 3}]
           seeds: 3
         """),
        ("noise", """
         comparison:
           base: {data: {name: circle, samples: 80}, \(base), optimizer: {type: adam, learning_rate: 0.05}, epochs: 50, batch_size: 16, metrics: [sign_accuracy]}
           axes:
             noise: [0, 0.3]
             batch_size: [8, 16]
           seeds: 3
         """),
        ("learning-rate", """
         comparison:
           base: {data: xor, model: {input: 2, loss: mse, layers: [{type: dense, units: 3}, {type: dense, units: 1}]}, optimizer: {type: sgd}, epochs: 60, batch_size: 4, metrics: [xor_accuracy]}
           axes:
             learning_rate: [0.01, 0.1, 0.5, 5]
           seeds: 6
           target: {metric: loss, value: 1.0}
         """),
        ("named", """
         comparison:
           base: {data: xor, \(base), optimizer: {type: sgd, learning_rate: 0.2}, epochs: 100, batch_size: 4, metrics: [xor_accuracy]}
           variants:
             - {name: plain}
             - {name: momentum, optimizer: {type: sgd, learning_rate: 0.2, momentum: 0.9}}
             - {name: adam, optimizer: {type: adam, learning_rate: 0.05}}
           seeds: 5
         """),
    ]

    /// Method-7 quantile with infinities kept (as NumPy's): between a finite value and +∞ is +∞.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q, j = Int(h), g = h - Double(j)
        if g == 0 || j + 1 >= sorted.count { return sorted[j] }
        if sorted[j + 1] == .infinity { return .infinity }
        return sorted[j] + g * (sorted[j + 1] - sorted[j])
    }

    /// "0.0123" / "diverged" / "never" as numbers.
    static func number(_ text: String) -> Double? {
        if text == "diverged" || text == "never" { return .infinity }
        return Double(text.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "×10", with: "e"))
    }

    /// "m [q1, q3]" → (m, q1, q3).
    static func triple(_ text: String) -> [Double]? {
        let parts = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "[", with: " ").replacingOccurrences(of: "]", with: " ").replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").map(String.init)
        let numbers = parts.compactMap(number)
        return numbers.count == 3 ? numbers : nil
    }

    /// A variant label's levels: split at ", " outside parentheses ("spiral (samples 60, seed 3), tanh").
    static func levels(_ label: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        var characters = Array(label)[...]
        while let c = characters.popFirst() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == ",", depth == 0, characters.first == " " {
                parts.append(current); current = ""; characters = characters.dropFirst()
            } else {
                current.append(c)
            }
        }
        return parts + [current]
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || (a.isFinite && b.isFinite && abs(a - b) <= 1e-3 * max(abs(a), abs(b), 1e-12))
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The tables of the page: header and rows of cell texts.
    static func tables(_ html: String) -> [(header: [String], rows: [[String]])] {
        html.components(separatedBy: "<table>").dropFirst().map { chunk in
            let table = chunk.components(separatedBy: "</table>")[0]
            let header = matches(table, #"<th scope="col">(.*?)</th>"#)
            let body = table.components(separatedBy: "<tbody>").last ?? ""
            let rows = body.components(separatedBy: "<tr>").dropFirst().map { matches($0, #"<td class="[a-z]+">(.*?)</td>"#) }
            return (header, rows)
        }
    }

    static func matches(_ text: String, _ pattern: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { unescape(ns.substring(with: $0.range(at: 1))) }
    }

    @Test(arguments: sweeps.map(\.name))
    func everyNumberAndLabelIsTrueOfTheRuns(name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let yaml = try #require(Self.sweeps.first { $0.name == name }).yaml
        try directory.write("sweep.yaml", "sections: [comparison]\n" + yaml + "\n")
        let result = try CommandRunner.run(["compare", "sweep.yaml", "--quiet", "--output", "out"], in: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path + "/out/runs.json"))) as? [String: Any])
        let runs = try #require(root["runs"] as? [[String: Any]])
        let html = try String(contentsOfFile: directory.path + "/out/index.html", encoding: .utf8)
        let pageTables = Self.tables(html)
        let success = try #require(pageTables.first), finals = try #require(pageTables.dropFirst().first)
        let ranking = try #require(pageTables.dropFirst(2).first)

        // The comparison's own rules, read from the file: target, and data loss when any run is regularized.
        let (metric, value): (String, Double) = name == "learning-rate" ? ("loss", 1.0) : (yaml.contains("sign_accuracy") ? "sign_accuracy" : "xor_accuracy", 1)
        let regularized = runs.contains { run in
            ((run["model"] as? [String: Any])?["layers"] as? [[String: Any]] ?? []).contains { $0["regularizer"] != nil }
        }
        let lossKey = regularized ? "data_loss" : "loss"
        func history(_ run: [String: Any], _ key: String) -> [Double] {
            let h = run["history"] as? [String: Any] ?? [:]
            let series = (h[key] ?? (key == "data_loss" ? h["loss"] : nil)) as? [Any] ?? []
            return series.map { ($0 as? Double) ?? .nan }
        }
        func finalLoss(_ run: [String: Any]) -> Double { run["divergence"] != nil ? .infinity : (history(run, lossKey).last ?? .nan) }
        // A run that diverged never succeeds, even when its metric touched the target before.
        func epochsToTarget(_ run: [String: Any]) -> Double {
            guard run["divergence"] == nil else { return .infinity }
            let series = history(run, metric)
            let minimize = metric.contains("loss")
            return series.firstIndex { minimize ? $0 <= value : $0 >= value }.map { Double($0 + 1) } ?? .infinity
        }

        var derived: [(label: String, successes: Int, epochs: Double, loss: Double)] = []
        for (row, finalRow) in zip(success.rows, finals.rows) {
            let label = row[0]
            #expect(finalRow[0] == label, "the two tables list the variants in the same order")
            let own = runs.filter { $0["variant"] as? String == label }
            #expect(!own.isEmpty, "\(label) has runs")
            // Successes, divergences, and the final loss over every seed (diverged = +∞).
            let epochs = own.map(epochsToTarget)
            let successes = epochs.filter(\.isFinite).count
            #expect(row[1] == "\(successes)/\(own.count)", "\(name) \(label): success")
            #expect(row.last == String(own.filter { $0["divergence"] != nil }.count), "\(name) \(label): diverged")
            let losses = own.map(finalLoss).filter { !$0.isNaN }.sorted()
            let shown = try #require(Self.triple(finalRow[1]), "\(finalRow[1])")
            for (q, s) in zip([0.5, 0.25, 0.75], shown) {
                #expect(Self.close(Self.quantile(losses, q), s), "\(name) \(label): final \(lossKey) Q\(q) \(Self.quantile(losses, q)) vs shown \(s)")
            }
            let sortedEpochs = epochs.sorted()
            if let shownEpochs = Self.triple(row[3]) {
                #expect(Self.close(Self.quantile(sortedEpochs, 0.5), shownEpochs[0]), "\(name) \(label): epochs to target")
            }
            derived.append((label, successes, Self.quantile(sortedEpochs, 0.5), Self.quantile(losses, 0.5)))

            // The label is true of the settings each run trained with.
            for run in own {
                let layers = (run["model"] as? [String: Any])?["layers"] as? [[String: Any]] ?? []
                let dense = layers.filter { $0["type"] as? String == "dense" }
                let optimizer = run["optimizer"] as? [String: Any] ?? [:]
                for part in Self.levels(label) {
                    if ["tanh", "relu", "sigmoid", "linear", "leaky_relu"].contains(part) {
                        #expect(dense.dropLast().allSatisfy { $0["activation"] as? String == part }, "\(label): hidden activation")
                    } else if part == "none" {
                        #expect(dense.allSatisfy { $0["regularizer"] == nil }, "\(label): no regularizer")
                    } else if part.hasPrefix("L1 ") || part.hasPrefix("L2 ") {
                        let key = part.hasPrefix("L1 ") ? "l1" : "l2"
                        let strength = Double(part.dropFirst(3))
                        #expect(dense.allSatisfy { ($0["regularizer"] as? [String: Any])?[key] as? Double == strength }, "\(label): \(key)")
                    } else if part.hasPrefix("lr ") {
                        #expect(optimizer["learning_rate"] as? Double == Double(part.dropFirst(3)), "\(label): learning rate")
                    } else if part.hasPrefix("batch ") {
                        #expect(run["batch_size"] as? Int == Int(part.dropFirst(6)), "\(label): batch size")
                    } else if part.hasPrefix("noise ") {
                        #expect((run["data"] as? String)?.contains("noise \(part.dropFirst(6))") == true, "\(label): noise in \(run["data"] ?? "")")
                    } else if part == "momentum" {
                        #expect(optimizer["type"] as? String == "sgd" && optimizer["momentum"] as? Double == 0.9, "\(label)")
                    } else if part == "adam" {
                        #expect(optimizer["type"] as? String == "adam" && optimizer["learning_rate"] as? Double == 0.05, "\(label)")
                    } else if part == "plain" {
                        #expect(optimizer["type"] as? String == "sgd" && optimizer["momentum"] as? Double == 0, "\(label)")
                    } else {
                        // A data level: "spiral (samples 60, seed 3)" names the set and settings runs.json records.
                        let data = run["data"] as? String ?? ""
                        let set = String(part.prefix { $0 != " " })
                        #expect(data.hasPrefix(set), "\(label): data \(data)")
                        for setting in Self.matches(part, #"(samples \d+|seed \d+)"#) { #expect(data.contains(setting), "\(label): \(setting) in \(data)") }
                    }
                }
            }
        }
        // The ranking follows its stated rule: success, then median epochs to target, then median final loss, then name.
        let expected = derived.sorted { a, b in
            if a.successes != b.successes { return a.successes > b.successes }
            if a.epochs != b.epochs { return a.epochs < b.epochs }
            if a.loss != b.loss { return a.loss < b.loss }
            return a.label < b.label
        }.map(\.label)
        #expect(ranking.rows.map { $0[1] } == expected, "\(name): ranking order")

        // The paired sentence: its seed count and signed r are those of the runs (and of the table).
        guard let paired = pageTables.dropFirst(3).first(where: { $0.header.first == "variant A" }), let row = paired.rows.first else { return }
        let a = row[0], b = row[1]
        let x = runs.filter { $0["variant"] as? String == a }.map(finalLoss), y = runs.filter { $0["variant"] as? String == b }.map(finalLoss)
        let differences = zip(x, y).map { $0 == $1 ? 0 : $0 - $1 }
        let lower = differences.filter { $0 < 0 }.count
        #expect(row[2] == "\(lower)/\(differences.count)", "\(name): A lower")
        // r = (W⁺ − W⁻)/(W⁺ + W⁻) over average ranks of |d| (zeros dropped; infinities largest).
        let nonZero = differences.filter { $0 != 0 }
        let magnitudes = nonZero.map { $0.isFinite ? abs($0) : .greatestFiniteMagnitude }
        let ranks = magnitudes.map { m in Double(magnitudes.filter { $0 < m }.count) + Double(magnitudes.filter { $0 == m }.count + 1) / 2 }
        let plus = zip(nonZero, ranks).filter { $0.0 > 0 }.map(\.1).reduce(0, +), minus = zip(nonZero, ranks).filter { $0.0 < 0 }.map(\.1).reduce(0, +)
        let r = plus + minus > 0 ? (plus - minus) / (plus + minus) : 0
        let shownR = try #require(Self.number(row[6]))
        #expect(abs(shownR - r) <= 0.005, "\(name): r \(r) vs \(row[6])")
        let sentences = Self.matches(html, #"<p>([^<]*?\(Wilcoxon signed-rank[^<]*?)</p>"#)
        #expect(sentences.first?.contains("r = \(row[6])") == true, "\(name): \(sentences.first ?? "no sentence") vs \(row[6])")
    }

}

