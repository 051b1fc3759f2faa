/// A model a backend may assume sound: every backend validates through here first, so no solver
/// ever sees a NaN, a crossed bound or an index out of range (GLPK would abort the process).
public struct ModelError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

extension LinearModel {
    public func validate() throws {
        var names = Set<String>()
        for (index, row) in rows.enumerated() {
            try Self.checkName(row.name, what: "row \(index)")
            guard names.insert(row.name).inserted else { throw ModelError("duplicate row name \(row.name)") }
            try Self.checkBounds(row.lower, row.upper, what: "row \(row.name)")
        }
        names.removeAll()
        for variable in variables {
            try validate(variable)
            guard names.insert(variable.name).inserted else { throw ModelError("duplicate variable name \(variable.name)") }
        }
    }

    /// Checks one column against this model's rows; used for columns added after the model was built.
    public func validate(_ variable: Variable) throws {
        try Self.checkName(variable.name, what: "variable")
        try Self.checkBounds(variable.lower, variable.upper, what: "variable \(variable.name)")
        guard variable.cost.isFinite else { throw ModelError("variable \(variable.name) has cost \(variable.cost)") }
        var seen = Set<Int>()
        for entry in variable.entries {
            guard rows.indices.contains(entry.row) else {
                throw ModelError("variable \(variable.name) names row \(entry.row) of \(rows.count)")
            }
            guard entry.coefficient.isFinite else {
                throw ModelError("variable \(variable.name) has coefficient \(entry.coefficient)")
            }
            guard seen.insert(entry.row).inserted else {
                throw ModelError("variable \(variable.name) names row \(rows[entry.row].name) twice")
            }
        }
    }

    private static func checkName(_ name: String, what: String) throws {
        // MPS and CPLEX LP both need short names without blanks.
        guard !name.isEmpty, name.utf8.count <= 255,
              name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 }) else {
            throw ModelError("\(what) has an unusable name \"\(name)\"")
        }
    }

    private static func checkBounds(_ lower: Double, _ upper: Double, what: String) throws {
        guard !lower.isNaN, !upper.isNaN, lower != .infinity, upper != -.infinity, lower <= upper else {
            throw ModelError("\(what) has bounds [\(lower), \(upper)]")
        }
    }
}
