import CadreDomain
import Foundation
import Yams

/// Reads one scenario YAML file into settings, without following `extends`.
enum ScenarioYAML {
    static let knownKeys = [
        "name", "base_year", "horizon", "officials", "courses", "targets", "locks", "budget", "carry_over",
        "max_training_days", "extends", "seats", "costs", "issuer", "issuer_parent", "signer_title", "signer_name", "place",
        "communes", "columns", "values", "titles", "unit_label",
    ]

    /// VND a year: a thousand times a province's training budget, yet far from where the solver loses precision.
    static let maxBudget = 1e15

    /// Nil when the text is not YAML or not a map; a value of the wrong kind is a problem, and the key is left unset.
    static func parse(_ text: String, file: String, problems: inout [InputProblem]) -> ScenarioSettings? {
        var settings = ScenarioSettings()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            // libyaml reports an error at the end of a file without a final line break on a line after the last.
            let line = yamlErrorLine(error).map { min($0, lineCount(text)) }
            problems.append(InputProblem(file: file, line: line, message: "is not valid YAML: \(yamlErrorProblem(error))"))
            return nil
        }
        guard let root, case .mapping(let mapping) = root else {
            problems.append(InputProblem(file: file, line: root?.mark?.line, message: "must be a map of keys (name:, base_year:, …)"))
            return nil
        }

        var reader = YAMLValueReader(file: file)
        var seen: [String: Int] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let line = keyNode.mark?.line
            if let first = seen[key] {
                reader.report(key, line, "is given twice (also on line \(first))")
                continue
            }
            seen[key] = line ?? 0
            if YAMLValueReader.isNull(value) { continue }
            switch key {
            case "name":
                settings.name = reader.string(value, key)
                // The name becomes the default output folder `out/<name>/`.
                if let name = settings.name?.value, name.contains("/") || name.contains("\\") || name == "." || name == ".." {
                    reader.report(key, line, "\(quoted(name)) cannot name a folder; leave out / and \\")
                    settings.name = nil
                }
            case "base_year": settings.baseYear = reader.integer(value, key, in: 1990...2100)
            case "horizon": settings.horizon = reader.integer(value, key, in: 1990...2150)
            case "officials": settings.officials = reader.path(value, key)
            case "courses": settings.courses = reader.path(value, key)
            case "targets": settings.targets = reader.path(value, key)
            case "locks": settings.locks = reader.path(value, key)
            case "extends": settings.extends = reader.path(value, key)
            case "carry_over": settings.carryOver = reader.bool(value, key)
            case "max_training_days": settings.maxTrainingDays = reader.integer(value, key, in: 1...366)
            case "issuer": settings.issuer = reader.string(value, key)
            case "issuer_parent": settings.issuerParent = reader.string(value, key)
            case "signer_title": settings.signerTitle = reader.string(value, key)
            case "signer_name": settings.signerName = reader.string(value, key)
            case "place": settings.place = reader.string(value, key)
            case "unit_label":
                if let text = reader.string(value, key) {
                    if let label = UnitLabel(rawValue: text.value) {
                        settings.unitLabel = Located(value: label, file: text.file, line: text.line)
                    } else {
                        reader.report(key, line, "\(quoted(text.value)) is not one of \(oneOf(UnitLabel.allCases.map(\.rawValue)))")
                    }
                }
            case "budget":
                for (yearNode, amount) in reader.entries(value, key) {
                    guard let year = reader.integer(yearNode, key, in: 1990...2150),
                          let vnd = reader.number(amount, "\(key) \(year.value)", in: 0...Double.infinity, atMost: maxBudget)
                    else { continue }
                    settings.budget[year.value] = vnd
                }
            case "seats":
                for (course, seats) in reader.entries(value, key) {
                    guard let id = reader.string(course, key), let n = reader.integer(seats, "\(key) \(id.value)", in: 0...1_000_000)
                    else { continue }
                    settings.seats[id.value] = n
                }
            case "costs":
                for (course, cost) in reader.entries(value, key) {
                    guard let id = reader.string(course, key),
                          let vnd = reader.number(cost, "\(key) \(id.value)", in: 0...Double.infinity, atMost: CoursesReader.maxCost)
                    else { continue }
                    settings.costs[id.value] = vnd
                }
            case "communes": settings.communes = reader.path(value, key)
            case "columns":
                let targets = OfficialsReader.allColumns + OfficeListMapping.listColumnNames
                for (header, column) in reader.entries(value, key) {
                    guard let header = reader.string(header, key), let column = reader.string(column, "\(key) \(header.value)") else { continue }
                    guard targets.contains(column.value) else {
                        reader.report("\(key) \(header.value)", column.line, "\(quoted(column.value)) is not one of \(oneOf(targets))")
                        continue
                    }
                    settings.columns[header.value] = column
                }
            case "values":
                for (columnNode, table) in reader.entries(value, key) {
                    guard let column = reader.string(columnNode, key) else { continue }
                    guard OfficialsReader.allColumns.contains(column.value) else {
                        reader.report(key, column.line, "\(quoted(column.value)) is not a column of officials.csv (\(oneOf(OfficialsReader.allColumns)))")
                        continue
                    }
                    for (cellNode, targetNode) in reader.entries(table, "\(key) \(column.value)") {
                        guard let cell = reader.string(cellNode, "\(key) \(column.value)"),
                              let target = reader.string(targetNode, "\(key) \(column.value) \(cell.value)")
                        else { continue }
                        if let accepted = OfficialsReader.acceptedValues(of: column.value), !accepted.contains(target.value) {
                            reader.report("\(key) \(column.value) \(cell.value)", target.line, "\(quoted(target.value)) is not one of \(oneOf(accepted))")
                            continue
                        }
                        settings.values[column.value, default: [:]][cell.value] = target
                    }
                }
            case "titles":
                for (titleNode, categoryNode) in reader.entries(value, key) {
                    guard let title = reader.string(titleNode, key), let category = reader.string(categoryNode, "\(key) \(title.value)")
                    else { continue }
                    guard let value = CadreDomain.Category.named(category.value) else {
                        reader.report("\(key) \(title.value)", category.line,
                                      "\(quoted(category.value)) is not one of \(oneOf(CadreDomain.Category.allCases.map(\.rawValue)))")
                        continue
                    }
                    settings.titles[title.value] = Located(value: value, file: category.file, line: category.line)
                }
            default:
                reader.report(key, line, "is not a scenario key (\(oneOf(knownKeys))); it is ignored", severity: .warning)
            }
        }
        problems += reader.problems
        return settings
    }

    /// Lines as an editor numbers them: broken at LF, CR LF or a lone CR; a last line without a break counts.
    private static func lineCount(_ text: String) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A && previous != 0x0D || byte == 0x0D { count += 1 }
            previous = byte
        }
        return count
    }

    private static func yamlErrorLine(_ error: Error) -> Int? {
        switch error as? YamlError {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func yamlErrorProblem(_ error: Error) -> String {
        switch error as? YamlError {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            (context.map { "\($0.text) " } ?? "") + problem
        default: "\(error)"
        }
    }
}

/// Typed YAML values, noting a problem (with the value's line) for each one of the wrong kind.
private struct YAMLValueReader {
    let file: String
    var problems: [InputProblem] = []

    init(file: String) { self.file = file }

    mutating func report(_ key: String, _ line: Int?, _ message: String, severity: InputProblem.Severity = .error) {
        problems.append(InputProblem(file: file, line: line, field: key, message: message, severity: severity))
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func located<Value>(_ value: Value, _ node: Node) -> Located<Value> {
        Located(value: value, file: file, line: node.mark?.line)
    }

    mutating func string(_ node: Node, _ key: String) -> Located<String>? {
        guard let scalar = node.scalar else {
            report(key, node.mark?.line, "must be a single value, not a list or map")
            return nil
        }
        return located(scalar.string.precomposedStringWithCanonicalMapping, node)
    }

    /// Joined to this file's folder, as the contract says paths are relative to the scenario file.
    mutating func path(_ node: Node, _ key: String) -> Located<String>? {
        guard var path = string(node, key), let written = node.scalar?.string else { return nil }
        path.value = ScenarioPaths.join(path.value, toFolderOf: file)
        // File names on Linux are bytes: one saved with combining accents is found only as written.
        let asWritten = ScenarioPaths.join(written, toFolderOf: file)
        // Swift's == holds NFC and NFD equal; the bytes tell them apart.
        if !asWritten.utf8.elementsEqual(path.value.utf8) && !FileManager.default.fileExists(atPath: path.value)
            && FileManager.default.fileExists(atPath: asWritten) {
            path.value = asWritten
        }
        return path
    }

    mutating func bool(_ node: Node, _ key: String) -> Located<Bool>? {
        guard let text = plainText(node, key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return located(true, node)
        case "false", "no": return located(false, node)
        default:
            report(key, node.mark?.line, "\(quoted(text)) is not true or false")
            return nil
        }
    }

    /// `atMost` is a bound of sense rather than of kind, and its message says so.
    mutating func number(_ node: Node, _ key: String, in range: ClosedRange<Double>, atMost: Double) -> Located<Double>? {
        guard let value = plainNumber(node, key) else { return nil }
        if value > atMost {
            report(key, node.mark?.line, "\(NumberText.decimal(value)) is more than \(NumberText.decimal(atMost)) VND, surely a mistake")
            return nil
        }
        guard range.contains(value) else {
            report(key, node.mark?.line, range.upperBound == .infinity
                ? "\(NumberText.decimal(value)) is below \(NumberText.decimal(range.lowerBound))"
                : "\(NumberText.decimal(value)) is not between \(NumberText.decimal(range.lowerBound)) and \(NumberText.decimal(range.upperBound))")
            return nil
        }
        return located(value, node)
    }

    mutating func integer(_ node: Node, _ key: String, in range: ClosedRange<Int>) -> Located<Int>? {
        guard let value = plainNumber(node, key) else { return nil }
        guard value == value.rounded() else {
            report(key, node.mark?.line, "\(NumberText.decimal(value)) is not a whole number")
            return nil
        }
        guard value >= Double(range.lowerBound) && value <= Double(range.upperBound) else {
            report(key, node.mark?.line, "\(NumberText.decimal(value)) is not between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return located(Int(value), node)
    }

    /// Digits, optionally grouped with `_` (`6_000_000_000`) or written as a float (`6.0e9`).
    private mutating func plainNumber(_ node: Node, _ key: String) -> Double? {
        guard let text = plainText(node, key) else { return nil }
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard digits.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(digits), value.isFinite
        else {
            report(key, node.mark?.line, "\(quoted(text)) is not a number")
            return nil
        }
        return value
    }

    /// The pairs of a map; none (after a problem) when the value is not a map.
    mutating func entries(_ node: Node, _ key: String) -> [(Node, Node)] {
        guard case .mapping(let mapping) = node else {
            report(key, node.mark?.line, "must be a map (for example `\(key): { KEY: value }`)")
            return []
        }
        return mapping.map { ($0.key, $0.value) }
    }

    /// The text of an unquoted scalar: a number or boolean written in quotes is text, which is a problem.
    private mutating func plainText(_ node: Node, _ key: String) -> String? {
        guard let scalar = node.scalar else {
            report(key, node.mark?.line, "must be a single value, not a list or map")
            return nil
        }
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            report(key, node.mark?.line, "\(quoted(scalar.string)) is quoted text; write the value without quotes")
            return nil
        }
        return scalar.string
    }
}
