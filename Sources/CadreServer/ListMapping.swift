import CadreDomain
import CadreIO
import Foundation
import Yams

/// The upload step for office lists: what the readers could not place is asked of the planner, and the answers
/// are kept in the scenario file as the `columns:`, `values:` and `titles:` keys the command line reads too.
enum ListMapping {
    private static let keys = ["columns", "values", "titles"]

    /// Appends the answers to the scenario file, which must not give those keys itself (a planner editing the
    /// file by hand owns them then).
    static func append(_ mapping: [String: Any], to file: URL) throws {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let given = topLevel(text)
        var lines = ["", "# Given in the web workspace when this list was uploaded."]
        for key in keys {
            guard let entries = mapping[key] as? [String: Any], !entries.isEmpty else { continue }
            guard given[key] == nil else {
                throw APIError(.unprocessableContent, "\(file.lastPathComponent) already has \(key): edit it there")
            }
            lines.append("\(key):")
            for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
                if let inner = value as? [String: Any] {
                    lines.append("  \(quoted(name)):")
                    for (text, target) in inner.sorted(by: { $0.key < $1.key }) {
                        guard let target = target as? String, !target.isEmpty else { continue }
                        lines.append("    \(quoted(text)): \(quoted(target))")
                    }
                } else if let target = value as? String, !target.isEmpty {
                    lines.append("  \(quoted(name)): \(quoted(target))")
                }
            }
        }
        guard lines.count > 2 else { return }
        let separator = text.hasSuffix("\n") || text.isEmpty ? "" : "\n"
        try Data((text + separator + lines.dropFirst().joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
    }

    /// What to ask: the officials file's headers the reader could not place and values it could not read, with
    /// the choices for each (the contract's columns; a column's levels).
    static func questions(scenarioFile: URL, folder: URL, mapping: [String: Any]?) -> [String: JSONValue] {
        let text = (try? String(contentsOf: scenarioFile, encoding: .utf8)) ?? ""
        let keys = topLevel(text)
        // Only files inside the upload's folder are read.
        func contents(_ key: String) -> (name: String, data: Data)? {
            guard let path = keys[key] as? String else { return nil }
            let file = scenarioFile.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
            guard file.path.hasPrefix(folder.standardizedFileURL.path + "/"), let data = try? Data(contentsOf: file) else { return nil }
            return (file.lastPathComponent, data)
        }
        guard let officials = contents("officials") else { return [:] }
        var ignored: [InputProblem] = []
        let communes = contents("communes").map { CommunesFile.read($0.data, file: $0.name, problems: &ignored) }
        let given = OfficeListMapping(columns: mapping?["columns"] as? [String: String] ?? [:],
                                      values: mapping?["values"] as? [String: [String: String]] ?? [:])
        let inspection = OfficialsReader.inspect(officials.data, file: officials.name,
                                                 settings: OfficeListSettings(mapping: given, communes: communes))
        guard !inspection.unplacedHeaders.isEmpty || !inspection.unreadValues.isEmpty else { return [:] }
        var choices: [String: JSONValue] = [:]
        for family in Family.allCases { choices[family.officialsColumn] = .array(family.levelNames.map(JSONValue.string)) }
        choices["gender"] = .array(["male", "female"].map(JSONValue.string))
        choices["category"] = .array(CadreDomain.Category.allCases.map { .string($0.rawValue) })
        return [
            "unplaced_headers": .array(inspection.unplacedHeaders.map { header in
                .object(["text": .string(header.text), "column": .string(header.column), "line": .number(Double(header.line)),
                         "sheet": header.sheet.map(JSONValue.string) ?? .null])
            }),
            "unread_values": .array(inspection.unreadValues.map { value in
                .object(["field": .string(value.field), "header": .string(value.header), "value": .string(value.value),
                         "count": .number(Double(value.count)), "ambiguity": value.ambiguity.map(JSONValue.string) ?? .null,
                         "first_line": value.firstRows.first.map { .number(Double($0.line)) } ?? .null])
            }),
            "columns": .array(OfficialsReader.allColumns.map(JSONValue.string)),
            "choices": .object(choices),
        ]
    }

    /// The file's top-level keys; Yams gives a mapping's keys as AnyHashable.
    private static func topLevel(_ text: String) -> [String: Any] {
        guard let mapping = (try? Yams.load(yaml: text)) as? [AnyHashable: Any] else { return [:] }
        return Dictionary(mapping.compactMap { key, value in (key.base as? String).map { ($0, value) } }) { first, _ in first }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
