/// One condition of a target: a family at or above a level.
public struct LevelCondition: Hashable, Sendable, Comparable {
    public var family: Family
    public var level: Int

    public init(family: Family, level: Int) {
        self.family = family
        self.level = level
    }

    public static func < (lhs: LevelCondition, rhs: LevelCondition) -> Bool {
        (lhs.family, lhs.level) < (rhs.family, rhs.level)
    }
}

/// A conjunction of level conditions (`education>=college&political_theory>=elementary`).
public struct Requirement: Hashable, Sendable {
    /// Sorted, at most one condition per family (the highest).
    public let conditions: [LevelCondition]

    public init(_ conditions: [LevelCondition]) {
        var highest: [Family: Int] = [:]
        for condition in conditions {
            highest[condition.family] = max(highest[condition.family] ?? 0, condition.level)
        }
        self.conditions = highest.map { LevelCondition(family: $0.key, level: $0.value) }.sorted()
    }

    public func isMet(by levels: Levels) -> Bool {
        conditions.allSatisfy { levels[$0.family] >= $0.level }
    }

    public var text: String {
        conditions.map { "\($0.family.rawValue)>=\($0.family.name(ofLevel: $0.level))" }.joined(separator: "&")
    }
}
