/// A model a backend may assume sound: every backend validates through here first, so no solver
/// ever sees a NaN, a crossed bound or an index out of range (GLPK would abort the process).
/// Each case names the rule broken and the row or variable that broke it.
public enum ModelError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Empty, longer than 255 bytes, or holding a blank or a non-ASCII character: MPS and CPLEX LP cannot write it.
    case unusableRowName(index: Int, name: String)
    case unusableVariableName(String)
    case duplicateRowName(String)
    case duplicateVariableName(String)
    /// NaN, a lower bound of +∞, an upper bound of −∞, or lower above upper.
    case badRowBounds(row: String, lower: Double, upper: Double)
    case badVariableBounds(variable: String, lower: Double, upper: Double)
    case nonFiniteCost(variable: String, cost: Double)
    case unknownRow(variable: String, row: Int, rowCount: Int)
    case nonFiniteCoefficient(variable: String, coefficient: Double)
    case repeatedRow(variable: String, row: String)
    /// An update names a row or variable the model does not have.
    case rowOutOfRange(Int, rowCount: Int)
    case variableOutOfRange(Int, variableCount: Int)
    case costCount(given: Int, variableCount: Int)
    /// An integer or binary variable with a fractional bound, which a backend's branch and cut may refuse.
    case fractionalIntegerBounds(variable: String, lower: Double, upper: Double)

    public var description: String {
        switch self {
        case let .unusableRowName(index, name): "row \(index) has an unusable name \"\(name)\""
        case let .unusableVariableName(name): "variable has an unusable name \"\(name)\""
        case let .duplicateRowName(name): "duplicate row name \(name)"
        case let .duplicateVariableName(name): "duplicate variable name \(name)"
        case let .badRowBounds(row, lower, upper): "row \(row) has bounds [\(lower), \(upper)]"
        case let .badVariableBounds(variable, lower, upper): "variable \(variable) has bounds [\(lower), \(upper)]"
        case let .nonFiniteCost(variable, cost): "variable \(variable) has cost \(cost)"
        case let .unknownRow(variable, row, rowCount): "variable \(variable) names row \(row) of \(rowCount)"
        case let .nonFiniteCoefficient(variable, coefficient): "variable \(variable) has coefficient \(coefficient)"
        case let .repeatedRow(variable, row): "variable \(variable) names row \(row) twice"
        case let .rowOutOfRange(row, rowCount): "row \(row) of \(rowCount)"
        case let .variableOutOfRange(index, variableCount): "variable \(index) of \(variableCount)"
        case let .costCount(given, variableCount): "\(given) costs for \(variableCount) variables"
        case let .fractionalIntegerBounds(variable, lower, upper): "integer variable \(variable) has bounds [\(lower), \(upper)]"
        }
    }
}

extension LinearModel {
    public func validate() throws {
        var names = Set<String>()
        for (index, row) in rows.enumerated() {
            guard Self.isUsable(row.name) else { throw ModelError.unusableRowName(index: index, name: row.name) }
            guard names.insert(row.name).inserted else { throw ModelError.duplicateRowName(row.name) }
            guard Self.areSound(row.lower, row.upper) else {
                throw ModelError.badRowBounds(row: row.name, lower: row.lower, upper: row.upper)
            }
        }
        names.removeAll()
        for variable in variables {
            try validate(variable)
            guard names.insert(variable.name).inserted else { throw ModelError.duplicateVariableName(variable.name) }
        }
    }

    /// Checks one column against this model's rows; used for columns added after the model was built.
    public func validate(_ variable: Variable) throws {
        guard Self.isUsable(variable.name) else { throw ModelError.unusableVariableName(variable.name) }
        guard Self.areSound(variable.lower, variable.upper) else {
            throw ModelError.badVariableBounds(variable: variable.name, lower: variable.lower, upper: variable.upper)
        }
        guard variable.cost.isFinite else { throw ModelError.nonFiniteCost(variable: variable.name, cost: variable.cost) }
        var seen = Set<Int>()
        for entry in variable.entries {
            guard rows.indices.contains(entry.row) else {
                throw ModelError.unknownRow(variable: variable.name, row: entry.row, rowCount: rows.count)
            }
            guard entry.coefficient.isFinite else {
                throw ModelError.nonFiniteCoefficient(variable: variable.name, coefficient: entry.coefficient)
            }
            guard seen.insert(entry.row).inserted else {
                throw ModelError.repeatedRow(variable: variable.name, row: rows[entry.row].name)
            }
        }
    }

    /// Checks new bounds for an existing row, as `validate` checks every row; for a session's changes.
    public func validateRowBounds(_ row: Int, lower: Double, upper: Double) throws {
        guard rows.indices.contains(row) else { throw ModelError.rowOutOfRange(row, rowCount: rows.count) }
        guard Self.areSound(lower, upper) else { throw ModelError.badRowBounds(row: rows[row].name, lower: lower, upper: upper) }
    }

    /// Checks new bounds for an existing column, as `validate` checks every column; for a session's changes.
    public func validateVariableBounds(_ index: Int, lower: Double, upper: Double) throws {
        guard variables.indices.contains(index) else { throw ModelError.variableOutOfRange(index, variableCount: variables.count) }
        guard Self.areSound(lower, upper) else {
            throw ModelError.badVariableBounds(variable: variables[index].name, lower: lower, upper: upper)
        }
    }

    /// Checks a new cost for every column; for a session's changes.
    public func validateCosts(_ costs: [Double]) throws {
        guard costs.count == variables.count else { throw ModelError.costCount(given: costs.count, variableCount: variables.count) }
        if let bad = costs.firstIndex(where: { !$0.isFinite }) {
            throw ModelError.nonFiniteCost(variable: variables[bad].name, cost: costs[bad])
        }
    }

    /// Checks columns to add: each as `validate(_:)` checks it, and its name not in `names` (the model's, which a
    /// session keeps rather than gather them again for every batch of columns) nor used by another of them.
    public func validateNew(_ newVariables: [Variable], besides names: Set<String>) throws {
        var names = names
        for variable in newVariables {
            try validate(variable)
            guard names.insert(variable.name).inserted else { throw ModelError.duplicateVariableName(variable.name) }
        }
    }

    /// MPS and CPLEX LP both need short names without blanks.
    private static func isUsable(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 }
    }

    private static func areSound(_ lower: Double, _ upper: Double) -> Bool {
        !lower.isNaN && !upper.isNaN && lower != .infinity && upper != -.infinity && lower <= upper
    }
}
