public enum Gender: String, Sendable, CaseIterable { case male, female }

public enum Category: String, Sendable, CaseIterable, Comparable {
    case keyCadre = "key_cadre"
    case massOrgCadre = "mass_org_cadre"
    case civilServant = "civil_servant"
    case partTime = "part_time"

    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum Area: String, Sendable, CaseIterable, Comparable {
    case ward, town, plains, mountain, island

    public static func < (lhs: Area, rhs: Area) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A commune-level official as of 1 January of the scenario's base year.
public struct Official: Sendable, Hashable {
    public var id: String
    public var fullName: String
    public var gender: Gender
    public var birthYear: Int
    public var ethnicity: String
    public var category: Category
    public var title: String
    /// Empty when the official is not in planning for a key title.
    public var plannedTitle: String
    public var partyMember: Bool
    public var partyCommittee: Bool
    public var district: String
    public var commune: String
    public var area: Area
    public var minorityArea: Bool
    public var minorityAreaYears: Int
    public var levels: Levels
    /// As given in the file; `lastServiceYear` applies the statutory rule when nil.
    public var leavesYear: Int?

    public init(
        id: String, fullName: String, gender: Gender, birthYear: Int, ethnicity: String = "Kinh",
        category: Category, title: String = "", plannedTitle: String = "", partyMember: Bool = false,
        partyCommittee: Bool = false, district: String = "", commune: String = "", area: Area = .plains,
        minorityArea: Bool = false, minorityAreaYears: Int = 0, levels: Levels = Levels(), leavesYear: Int? = nil
    ) {
        self.id = id
        self.fullName = fullName
        self.gender = gender
        self.birthYear = birthYear
        self.ethnicity = ethnicity
        self.category = category
        self.title = title
        self.plannedTitle = plannedTitle
        self.partyMember = partyMember
        self.partyCommittee = partyCommittee
        self.district = district
        self.commune = commune
        self.area = area
        self.minorityArea = minorityArea
        self.minorityAreaYears = minorityAreaYears
        self.levels = levels
        self.leavesYear = leavesYear
    }

    public var isKinh: Bool { ethnicity == "Kinh" }
    public var hasPlannedTitle: Bool { !plannedTitle.isEmpty }

    public func age(in year: Int) -> Int { year - birthYear }

    /// The last calendar year in service: `leaves_year`, or the year the statutory
    /// retirement age (Labour Code 2019, as the contract states it) is reached.
    public var lastServiceYear: Int {
        leavesYear ?? (birthYear + Official.retirementAgeInWholeYears(gender: gender, birthYear: birthYear))
    }

    public func isInService(in year: Int) -> Bool { year <= lastServiceYear }

    /// Men: 60 years + 3 months per birth year after 1960, at most 62.
    /// Women: 55 years + 4 months per birth year after 1965, at most 60.
    public static func retirementAgeInWholeYears(gender: Gender, birthYear: Int) -> Int {
        let months: Int
        switch gender {
        case .male: months = min(62 * 12, 60 * 12 + 3 * max(0, birthYear - 1960))
        case .female: months = min(60 * 12, 55 * 12 + 4 * max(0, birthYear - 1965))
        }
        return months / 12
    }
}
