import CadreDomain
import CadreIO
import Foundation

/// Writes a scenario as the input files of the contract: `<name>.yaml` beside officials.csv, courses.csv and
/// targets.csv. Officials are sorted by id, courses by family and level, targets in the resolution's order.
public enum ScenarioFolder {
    public static let officialsFile = "officials.csv"
    public static let coursesFile = "courses.csv"
    public static let targetsFile = "targets.csv"

    public static func write(_ province: GeneratedProvince, to directory: String) throws {
        try write(province.scenario, to: directory)
    }

    public static func write(_ scenario: Scenario, to directory: String) throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, data) in files(for: scenario) {
            try data.write(to: folder.appendingPathComponent(name), options: .atomic)
        }
    }

    /// File name and contents of every file of the folder.
    public static func files(for scenario: Scenario) -> [(name: String, data: Data)] {
        [
            ("\(scenario.name).yaml", Data(yaml(scenario).utf8)),
            (officialsFile, officialsCSV(scenario.officials)),
            (coursesFile, coursesCSV(scenario.courses)),
            (targetsFile, targetsCSV(scenario.targets)),
        ]
    }

    static func yaml(_ scenario: Scenario) -> String {
        var lines = [
            "name: \(yamlScalar(scenario.name))",
            "base_year: \(scenario.baseYear)",
            "horizon: \(scenario.horizon)",
            "officials: \(officialsFile)",
            "courses: \(coursesFile)",
            "targets: \(targetsFile)",
            "budget:                 # VND available for training in each year",
        ]
        lines += scenario.years.map { "  \($0): \(NumberText.money(scenario.budget(in: $0)))" }
        lines += [
            "carry_over: \(scenario.carryOver)",
            "max_training_days: \(scenario.maxTrainingDays)",
        ]
        if scenario.unitLabel != .district {
            lines.append("unit_label: \(scenario.unitLabel.rawValue)       # what the district column names: the unit lists go to")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain when it cannot be misread, double-quoted otherwise.
    private static func yamlScalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        if plain && Double(text) == nil { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static let officialsColumns = [
        "id", "full_name", "gender", "birth_year", "ethnicity", "category", "title", "planned_title", "party_member",
        "party_committee", "district", "commune", "area", "minority_area", "minority_area_years",
    ] + Family.allCases.map(\.officialsColumn) + ["leaves_year"]

    static func officialsCSV(_ officials: [Official]) -> Data {
        var csv = CSVWriter(header: officialsColumns)
        for o in officials.sorted(by: { $0.id < $1.id }) {
            csv.append([
                o.id, o.fullName, o.gender.rawValue, String(o.birthYear), o.ethnicity, o.category.rawValue, o.title,
                o.plannedTitle, yesNo(o.partyMember), yesNo(o.partyCommittee), o.district, o.commune, o.area.rawValue,
                yesNo(o.minorityArea), String(o.minorityAreaYears),
            ] + Family.allCases.map { $0.name(ofLevel: o.levels[$0]) } + [o.leavesYear.map(String.init) ?? ""])
        }
        return csv.data
    }

    static let coursesColumns = [
        "id", "name", "family", "grants", "requires", "years", "days", "cost", "seats", "provider", "categories",
        "areas", "max_age", "kinh_only", "minority_area_only", "party_member_only",
    ]

    static func coursesCSV(_ courses: [Course]) -> Data {
        var csv = CSVWriter(header: coursesColumns)
        for c in courses.sorted(by: { ($0.family, $0.grants, $0.id) < ($1.family, $1.grants, $1.id) }) {
            csv.append([
                c.id, c.name, c.family.rawValue, c.family.name(ofLevel: c.grants),
                c.requires.map { c.family.name(ofLevel: $0) } ?? "", String(c.years), String(c.days),
                NumberText.money(c.cost), String(c.seats), c.provider, list(c.categories), list(c.areas),
                c.maxAge.map(String.init) ?? "", yesNo(c.kinhOnly), yesNo(c.minorityAreaOnly), yesNo(c.partyMemberOnly),
            ])
        }
        return csv.data
    }

    static let targetsColumns = [
        "id", "deadline", "categories", "areas", "max_age", "kinh_only", "minority_area_only", "party_committee_only",
        "planned_title_only", "min_minority_area_years", "requirement", "share", "kind", "weight", "label_vi", "label_en",
    ]

    /// In the order given: the resolution's own numbering.
    static func targetsCSV(_ targets: [Target]) -> Data {
        var csv = CSVWriter(header: targetsColumns)
        for t in targets {
            csv.append([
                t.id, String(t.deadline), list(t.categories), list(t.areas), t.maxAge.map(String.init) ?? "",
                yesNo(t.kinhOnly), yesNo(t.minorityAreaOnly), yesNo(t.partyCommitteeOnly), yesNo(t.plannedTitleOnly),
                t.minMinorityAreaYears.map { NumberText.decimal($0) } ?? "", t.requirement.text,
                NumberText.decimal(t.share), t.kind.rawValue, NumberText.decimal(t.weight), t.labelVi, t.labelEn,
            ])
        }
        return csv.data
    }

    private static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    private static func list<Value: RawRepresentable & Comparable>(_ values: Set<Value>) -> String
    where Value.RawValue == String {
        values.sorted().map(\.rawValue).joined(separator: ";")
    }
}
