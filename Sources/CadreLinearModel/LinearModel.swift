/// A solver-neutral linear or integer program: minimise Σ cost × value subject to row bounds.
/// Stored by column, because the planner grows it a column at a time.
public struct LinearModel: Sendable {
    public var name: String
    public private(set) var rows: [Row] = []
    public private(set) var variables: [Variable] = []

    public init(name: String) { self.name = name }

    @discardableResult
    public mutating func addRow(_ row: Row) -> Int {
        rows.append(row)
        return rows.count - 1
    }

    /// Adds a row over variables already in the model: each gets its entry at the end of its column, where the
    /// row's index, the largest, keeps the column in row order.
    @discardableResult
    public mutating func addRow(_ row: Row, entries: [(variable: Int, coefficient: Double)]) -> Int {
        let index = addRow(row)
        for (variable, coefficient) in entries where coefficient != 0 {
            variables[variable].entries.append(Entry(row: index, coefficient: coefficient))
        }
        return index
    }

    @discardableResult
    public mutating func addVariable(_ variable: Variable) -> Int {
        variables.append(variable)
        return variables.count - 1
    }

    public mutating func setRowBounds(_ index: Int, lower: Double, upper: Double) {
        rows[index].lower = lower
        rows[index].upper = upper
    }

    public mutating func setVariableBounds(_ index: Int, lower: Double, upper: Double) {
        variables[index].lower = lower
        variables[index].upper = upper
    }

    public mutating func setCost(_ index: Int, _ cost: Double) {
        variables[index].cost = cost
    }

    public var nonZeros: Int { variables.reduce(0) { $0 + $1.entries.count } }
}

/// A constraint `lower ≤ Σ coefficient × variable ≤ upper`; an infinite bound is absent.
public struct Row: Sendable, Equatable {
    public var name: String
    public var lower: Double
    public var upper: Double

    public init(name: String, lower: Double = -.infinity, upper: Double = .infinity) {
        self.name = name
        self.lower = lower
        self.upper = upper
    }

    public static func atLeast(_ value: Double, name: String) -> Row { Row(name: name, lower: value) }
    public static func atMost(_ value: Double, name: String) -> Row { Row(name: name, upper: value) }
    public static func equal(_ value: Double, name: String) -> Row { Row(name: name, lower: value, upper: value) }
}

public enum VariableKind: Sendable, Equatable {
    case continuous, integer, binary
}

/// One entry of the constraint matrix within a column.
public struct Entry: Sendable, Equatable {
    public var row: Int
    public var coefficient: Double

    public init(row: Int, coefficient: Double) {
        self.row = row
        self.coefficient = coefficient
    }
}

public struct Variable: Sendable, Equatable {
    public var name: String
    public var kind: VariableKind
    public var lower: Double
    public var upper: Double
    public var cost: Double
    /// At most one entry per row.
    public var entries: [Entry]

    public init(name: String, kind: VariableKind = .continuous, lower: Double = 0, upper: Double = .infinity,
                cost: Double = 0, entries: [Entry] = []) {
        self.name = name
        self.kind = kind
        self.lower = kind == .binary ? max(0, lower) : lower
        self.upper = kind == .binary ? min(1, upper) : upper
        self.cost = cost
        self.entries = entries
    }
}
