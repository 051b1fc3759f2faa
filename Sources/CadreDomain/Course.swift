/// A course of the catalogue. Filters that are nil or empty admit everybody.
public struct Course: Sendable, Hashable {
    public var id: String
    public var name: String
    public var family: Family
    public var grants: Int
    /// The level of the same family needed by the end of the year before the start.
    public var requires: Int?
    /// Calendar years from start to completion.
    public var years: Int
    /// Training days in each of those years.
    public var days: Int
    /// VND per trainee for the whole course, spread evenly over its years.
    public var cost: Double
    /// Most trainees who may start it in one year.
    public var seats: Int
    public var provider: String
    public var categories: Set<Category>
    public var areas: Set<Area>
    public var maxAge: Int?
    public var kinhOnly: Bool
    public var minorityAreaOnly: Bool
    public var partyMemberOnly: Bool

    public init(
        id: String, name: String = "", family: Family, grants: Int, requires: Int? = nil, years: Int = 1,
        days: Int = 10, cost: Double = 0, seats: Int = 1000, provider: String = "",
        categories: Set<Category> = [], areas: Set<Area> = [], maxAge: Int? = nil,
        kinhOnly: Bool = false, minorityAreaOnly: Bool = false, partyMemberOnly: Bool = false
    ) {
        self.id = id
        self.name = name
        self.family = family
        self.grants = grants
        self.requires = requires
        self.years = years
        self.days = days
        self.cost = cost
        self.seats = seats
        self.provider = provider
        self.categories = categories
        self.areas = areas
        self.maxAge = maxAge
        self.kinhOnly = kinhOnly
        self.minorityAreaOnly = minorityAreaOnly
        self.partyMemberOnly = partyMemberOnly
    }

    /// Spending in each year the course is attended.
    public var costPerYear: Double { cost / Double(years) }

    public func completionYear(startingIn year: Int) -> Int { year + years - 1 }

    /// The filters that do not depend on the plan: category, area, ethnicity, Party membership, age at start.
    public func admits(_ official: Official, startingIn year: Int) -> Bool {
        if !categories.isEmpty && !categories.contains(official.category) { return false }
        if !areas.isEmpty && !areas.contains(official.area) { return false }
        if let maxAge, official.age(in: year) > maxAge { return false }
        if kinhOnly && !official.isKinh { return false }
        if minorityAreaOnly && !official.minorityArea { return false }
        if partyMemberOnly && !official.partyMember { return false }
        return true
    }
}
