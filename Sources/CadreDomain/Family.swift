/// A qualification ladder. Levels are ranks on the ladder: 0 is the lowest ("none"/"no").
public enum Family: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case education
    case politicalTheory = "political_theory"
    case stateManagement = "state_management"
    case it
    case foreignLanguage = "foreign_language"
    case ethnicLanguage = "ethnic_language"
    case massOrg = "mass_org"
    case leadershipUpdate = "leadership_update"

    /// Position in `allCases`; used to index fixed-size level vectors.
    public var index: Int {
        switch self {
        case .education: 0
        case .politicalTheory: 1
        case .stateManagement: 2
        case .it: 3
        case .foreignLanguage: 4
        case .ethnicLanguage: 5
        case .massOrg: 6
        case .leadershipUpdate: 7
        }
    }

    /// Level names as they appear in the files, lowest first.
    public var levelNames: [String] {
        switch self {
        case .education: ["none", "elementary", "intermediate", "college", "university", "postgraduate"]
        case .politicalTheory: ["none", "elementary", "intermediate", "advanced"]
        case .stateManagement: ["none", "specialist", "principal", "senior"]
        case .it: ["none", "basic", "advanced"]
        case .foreignLanguage: ["0", "1", "2", "3", "4", "5", "6"]
        case .ethnicLanguage: ["none", "studied", "fluent"]
        case .massOrg, .leadershipUpdate: ["no", "yes"]
        }
    }

    public var highestLevel: Int { levelNames.count - 1 }

    /// The rank of a level name, or nil when the family has no such level.
    public func level(named name: String) -> Int? {
        levelNames.firstIndex(of: name)
    }

    public func name(ofLevel level: Int) -> String {
        levelNames.indices.contains(level) ? levelNames[level] : String(level)
    }

    /// The column of officials.csv that holds this family's level.
    public var officialsColumn: String {
        switch self {
        case .massOrg: "mass_org_training"
        default: rawValue
        }
    }

    public static func < (lhs: Family, rhs: Family) -> Bool { lhs.index < rhs.index }
}

/// One official's level in every family, indexed by `Family.index`.
public struct Levels: Hashable, Sendable {
    public private(set) var ranks: [Int]

    public init() { ranks = Array(repeating: 0, count: Family.allCases.count) }

    public init(_ levels: [Family: Int]) {
        self.init()
        for (family, level) in levels { ranks[family.index] = level }
    }

    public subscript(family: Family) -> Int {
        get { ranks[family.index] }
        set { ranks[family.index] = newValue }
    }
}
