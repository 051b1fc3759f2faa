public enum TargetKind: String, Sendable, CaseIterable {
    case required, strive
}

/// A share of a cohort that must meet a requirement by a deadline, and every year after it.
public struct Target: Sendable, Hashable {
    public var id: String
    public var deadline: Int
    public var categories: Set<Category>
    public var areas: Set<Area>
    public var maxAge: Int?
    public var kinhOnly: Bool
    public var minorityAreaOnly: Bool
    public var partyCommitteeOnly: Bool
    public var plannedTitleOnly: Bool
    public var minMinorityAreaYears: Double?
    public var requirement: Requirement
    public var share: Double
    public var kind: TargetKind
    public var weight: Double
    public var labelVi: String
    public var labelEn: String

    public init(
        id: String, deadline: Int, categories: Set<Category> = [], areas: Set<Area> = [], maxAge: Int? = nil,
        kinhOnly: Bool = false, minorityAreaOnly: Bool = false, partyCommitteeOnly: Bool = false,
        plannedTitleOnly: Bool = false, minMinorityAreaYears: Double? = nil, requirement: Requirement,
        share: Double, kind: TargetKind = .required, weight: Double = 1, labelVi: String = "", labelEn: String = ""
    ) {
        self.id = id
        self.deadline = deadline
        self.categories = categories
        self.areas = areas
        self.maxAge = maxAge
        self.kinhOnly = kinhOnly
        self.minorityAreaOnly = minorityAreaOnly
        self.partyCommitteeOnly = partyCommitteeOnly
        self.plannedTitleOnly = plannedTitleOnly
        self.minMinorityAreaYears = minMinorityAreaYears
        self.requirement = requirement
        self.share = share
        self.kind = kind
        self.weight = weight
        self.labelVi = labelVi
        self.labelEn = labelEn
    }

    /// Whether the official counts in this target's cohort in `year` (in service and matching every filter).
    public func cohortIncludes(_ official: Official, in year: Int, baseYear: Int) -> Bool {
        matchesFixedFilters(official) && matchesYearFilters(official, in: year, baseYear: baseYear)
    }

    /// The filters that do not change with the year: category, area, ethnicity, minority area, committee, title.
    public func matchesFixedFilters(_ official: Official) -> Bool {
        if !categories.isEmpty && !categories.contains(official.category) { return false }
        if !areas.isEmpty && !areas.contains(official.area) { return false }
        if kinhOnly && !official.isKinh { return false }
        if minorityAreaOnly && !official.minorityArea { return false }
        if partyCommitteeOnly && !official.partyCommittee { return false }
        if plannedTitleOnly && !official.hasPlannedTitle { return false }
        if minMinorityAreaYears != nil && !official.minorityArea { return false }
        return true
    }

    /// The filters that do: service, age, and years worked in a minority area.
    public func matchesYearFilters(_ official: Official, in year: Int, baseYear: Int) -> Bool {
        guard official.isInService(in: year) else { return false }
        if let maxAge, official.age(in: year) > maxAge { return false }
        if let minMinorityAreaYears, Double(official.minorityAreaYears + (year - baseYear + 1)) < minMinorityAreaYears {
            return false
        }
        return true
    }

    /// Members who must meet the requirement: ⌈share × cohort⌉, the ceiling taken after subtracting 10⁻⁹.
    public func requiredCount(cohortSize: Int) -> Int {
        max(0, Int((share * Double(cohortSize) - 1e-9).rounded(.up)))
    }

    /// The first year whose shortfall enters the objective.
    public func firstMeasuredYear(baseYear: Int) -> Int { max(deadline, baseYear) }
}
