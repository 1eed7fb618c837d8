/// Every table of a report as a CSV file in `tables/` (a header row, fields quoted as RFC 4180 says when
/// they hold a comma, a quote or a line break; lines end in \n as in history.csv), named by its number on the page: `tables/table-3.csv`.
enum TableCSV {
    static func files(_ document: ReportDocument) -> [(name: String, contents: String)] {
        document.tables.enumerated().map { index, table in
            (path(index + 1), text(table))
        }
    }

    static func path(_ number: Int) -> String { "tables/table-\(number).csv" }

    static func text(_ table: ReportTable) -> String {
        var out = table.header.map(field).joined(separator: ",") + "\n"
        for row in table.rows {
            out += row.map { field($0.text) }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func field(_ text: String) -> String {
        let plain = text.replacingOccurrences(of: "\u{200B}", with: "")
        guard plain.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return plain }
        return "\"" + plain.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ReportDocument {
    /// Every table, in page order (table N on the page is `tables[N - 1]`).
    var tables: [ReportTable] {
        sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    /// Every figure, in page order.
    var figures: [ReportFigure] {
        sections.flatMap(\.blocks).compactMap { if case .figure(let f) = $0 { f } else { nil } }
    }
}
