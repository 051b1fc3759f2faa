import Foundation

/// One thing wrong (or doubtful) in an input file, located so a user can find and fix it.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The inputs cannot be planned until it is fixed.
        case error
        /// Planning can go on, but the result is probably not what was meant.
        case warning
    }

    /// The file as the user named it (or as a scenario names it, joined to the scenario's folder).
    public var file: String
    /// The workbook's sheet, when a file is read sheet by sheet (lists kept one sheet per commune).
    public var sheet: String?
    /// 1-based physical line; nil when the problem concerns the whole file.
    public var line: Int?
    /// The column or key concerned.
    public var field: String?
    public var message: String
    public var severity: Severity

    public init(
        file: String, sheet: String? = nil, line: Int? = nil, field: String? = nil, message: String,
        severity: Severity = .error
    ) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.field = field
        self.message = message
        self.severity = severity
    }

    /// `officials.csv:214: political_theory: "trung cap" is not one of none, elementary, intermediate, advanced`;
    /// `lists.xlsx [Ba Tơ]:12: title: …` for a sheet.
    public var description: String {
        var text = file
        if let sheet { text += " [\(sheet)]" }
        if let line { text += ":\(line)" }
        text += ":"
        if severity == .warning { text += " warning:" }
        if let field { text += " \(field):" }
        return text + " " + message
    }
}

/// Thrown when inputs hold at least one error; carries every problem found (warnings too), in file order.
public struct InputError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public var problems: [InputProblem]

    public init(problems: [InputProblem]) { self.problems = problems }

    public var errors: [InputProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [InputProblem] { problems.filter { $0.severity == .warning } }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
    public var errorDescription: String? { description }

    /// Throws when any of `problems` is an error.
    public static func throwIfAnyError(in problems: [InputProblem]) throws {
        if problems.contains(where: { $0.severity == .error }) { throw InputError(problems: problems) }
    }
}

/// The accepted values, as messages list them.
func oneOf(_ values: [String]) -> String { values.joined(separator: ", ") }

/// A value as messages show it: quoted, so that empty text and stray spaces are visible.
func quoted(_ value: String) -> String { "\"\(value)\"" }
