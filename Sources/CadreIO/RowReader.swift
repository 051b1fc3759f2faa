import CadreDomain

/// Where each column of a table is, once the header has been checked against what a reader needs.
struct ColumnIndex {
    let file: String
    private let positions: [String: Int]

    /// Whether numbers may use a decimal comma: the file is separated by `;`, as Excel in a Vietnamese locale
    /// writes it.
    let decimalComma: Bool

    /// Nil, after one problem per missing column, when a required column is absent: the rows cannot be read.
    /// Header order is free, unknown columns are ignored, and a header may be the column's Vietnamese alias;
    /// `optional` columns may be left out altogether.
    init?(
        table: CSVTable, file: String, required: [String], optional: [String], aliases: [String: String],
        problems: inout [InputProblem]
    ) {
        var positions: [String: Int] = [:]
        var complete = true
        for (position, header) in table.header.enumerated() where !header.isEmpty {
            let key = Aliases.key(header)
            let name = aliases[key] ?? key
            if let first = positions[name] {
                let both = table.header[first] == header ? "" : " (as \(quoted(table.header[first])) and \(quoted(header)))"
                problems.append(InputProblem(
                    file: file, line: table.headerLine, field: name, message: "the column appears twice in the header" + both))
                complete = false
            } else {
                positions[name] = position
            }
        }
        for name in required where positions[name] == nil {
            problems.append(InputProblem(file: file, line: table.headerLine, field: name, message: "the column is missing from the header"))
            complete = false
        }
        guard complete else { return nil }
        self.file = file
        self.decimalComma = table.decimalComma
        self.positions = positions.filter { required.contains($0.key) || optional.contains($0.key) }
    }

    func position(of column: String) -> Int? { positions[column] }
}

/// Reads typed values from one record, noting every problem instead of stopping at the first. A value that
/// cannot be read comes back as a harmless stand-in; the caller drops the row when `problems` is not empty.
struct RowReader {
    let columns: ColumnIndex
    let record: CSVRecord
    private(set) var problems: [InputProblem] = []

    init(columns: ColumnIndex, record: CSVRecord) {
        self.columns = columns
        self.record = record
    }

    var line: Int { record.line }

    mutating func report(_ column: String, _ message: String) {
        problems.append(InputProblem(file: columns.file, line: record.line, field: column, message: message))
    }

    /// The trimmed text; empty when an optional column is absent.
    func text(_ column: String) -> String {
        columns.position(of: column).map { record.fields[$0] } ?? ""
    }

    mutating func nonEmptyText(_ column: String) -> String {
        let value = text(column)
        if value.isEmpty { report(column, "is empty") }
        return value
    }

    mutating func integer(_ column: String, in range: ClosedRange<Int>) -> Int {
        optionalInteger(column, in: range, emptyAllowed: false) ?? range.lowerBound
    }

    /// Nil when empty or unreadable.
    mutating func optionalInteger(_ column: String, in range: ClosedRange<Int>) -> Int? {
        optionalInteger(column, in: range, emptyAllowed: true)
    }

    private mutating func optionalInteger(_ column: String, in range: ClosedRange<Int>, emptyAllowed: Bool) -> Int? {
        let value = text(column)
        if value.isEmpty {
            if !emptyAllowed { report(column, "is empty; a whole number is needed") }
            return nil
        }
        guard let number = Int(value) else {
            report(column, "\(quoted(value)) is not a whole number")
            return nil
        }
        guard range.contains(number) else {
            report(column, "\(number) is not between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }

    /// A finite decimal number written with `.` (or `,` in `;` files) and no thousands separators. `atMost` is a
    /// bound of sense rather than of kind (a cost no course has), and its message says so.
    mutating func number(_ column: String, in range: ClosedRange<Double>, atMost: Double = .infinity) -> Double {
        guard let number = optionalNumber(column, in: range, emptyAllowed: false) else { return range.lowerBound }
        if number > atMost {
            report(column, "\(text(column)) is more than \(NumberText.decimal(atMost)), surely a mistake")
            return range.lowerBound
        }
        return number
    }

    mutating func optionalNumber(_ column: String, in range: ClosedRange<Double>) -> Double? {
        optionalNumber(column, in: range, emptyAllowed: true)
    }

    private mutating func optionalNumber(_ column: String, in range: ClosedRange<Double>, emptyAllowed: Bool) -> Double? {
        let value = text(column)
        if value.isEmpty {
            if !emptyAllowed { report(column, "is empty; a number is needed") }
            return nil
        }
        guard let number = decimal(value) else {
            let point = columns.decimalComma ? "a decimal comma or point" : "a decimal point"
            report(column, "\(quoted(value)) is not a number (write digits with \(point), no thousands separators)")
            return nil
        }
        if columns.decimalComma, Self.looksGroupedInThousands(value) {
            report(column, "\(quoted(value)) could be a decimal or a number with thousands separators; "
                + "write \(value.replacingOccurrences(of: ".", with: "")) or \(value.replacingOccurrences(of: ".", with: ","))")
            return nil
        }
        guard range.contains(number) else {
            report(column, outOfRange(value, range))
            return nil
        }
        return number
    }

    /// Digits with `.` as the decimal point, or `,` in files separated by `;`; never both, never grouped.
    private func decimal(_ value: String) -> Double? {
        guard value.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.,eE".contains($0)) }) else { return nil }
        var text = value
        if columns.decimalComma && !value.contains(".") && value.count(where: { $0 == "," }) == 1 {
            text = value.replacingOccurrences(of: ",", with: ".")
        }
        guard !text.contains(","), let number = Double(text), number.isFinite else { return nil }
        return number
    }

    /// `15.000`: in a Vietnamese-locale file the dot groups thousands, so the value may mean 15000, not 15.
    private static func looksGroupedInThousands(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[1].count == 3 && parts[1].allSatisfy(\.isNumber)
            && (1...3).contains(parts[0].count) && parts[0].allSatisfy(\.isNumber) && parts[0].first != "0"
    }

    private func outOfRange(_ value: String, _ range: ClosedRange<Double>) -> String {
        range.upperBound == .infinity
            ? "\(value) is below \(NumberText.decimal(range.lowerBound))"
            : "\(value) is not between \(NumberText.decimal(range.lowerBound)) and \(NumberText.decimal(range.upperBound))"
    }

    mutating func yesNo(_ column: String) -> Bool {
        let value = text(column)
        let key = value == "yes" || value == "no" ? value : Aliases.key(value)
        switch Aliases.yesNo[key] ?? key {
        case "yes": return true
        case "no": return false
        default:
            report(column, "\(quoted(value)) is not one of yes, no")
            return false
        }
    }

    /// A value of a closed list, in English or Vietnamese, matched regardless of letter case.
    mutating func choice<Value: VietnameseAliased>(_ column: String) -> Value {
        let value = text(column)
        if let match = Value.named(value) { return match }
        report(column, "\(quoted(value)) is not one of \(oneOf(Value.allCases.map(\.rawValue)))")
        return Value.allCases.first!
    }

    /// Empty means "all"; otherwise `;`-separated values of a closed list.
    mutating func choices<Value: VietnameseAliased & Hashable>(_ column: String) -> Set<Value> {
        var values: Set<Value> = []
        for part in text(column).split(separator: ";") {
            let name = part.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            if let value = Value.named(name) {
                values.insert(value)
            } else {
                report(column, "\(quoted(name)) is not one of \(oneOf(Value.allCases.map(\.rawValue)))")
            }
        }
        return values
    }

    mutating func level(of family: Family, _ column: String) -> Int {
        optionalLevel(of: family, column, emptyAllowed: false) ?? 0
    }

    /// Nil when empty or unreadable.
    mutating func optionalLevel(of family: Family, _ column: String) -> Int? {
        optionalLevel(of: family, column, emptyAllowed: true)
    }

    private mutating func optionalLevel(of family: Family, _ column: String, emptyAllowed: Bool) -> Int? {
        let value = text(column)
        if value.isEmpty && emptyAllowed { return nil }
        if let level = family.level(spelled: value) { return level }
        report(column, "\(quoted(value)) is not one of \(oneOf(family.levelNames))")
        return nil
    }
}

/// Remembers the line of each id, to name both lines of a duplicate.
struct UniqueIDs {
    private var lines: [String: Int] = [:]

    /// Reports on `row` when `id` was seen before.
    mutating func check(_ id: String, on row: inout RowReader) {
        guard !id.isEmpty else { return }
        if let first = lines[id] {
            row.report("id", "\(quoted(id)) is already the id on line \(first)")
        } else {
            lines[id] = row.line
        }
    }
}

/// A value read from a file, with the line it came from.
struct Numbered<Value> {
    var line: Int
    var value: Value
}
