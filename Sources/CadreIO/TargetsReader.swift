import CadreDomain
import Foundation

/// Reads targets.csv or .xlsx (see the contract for the columns, and `Aliases` for their Vietnamese names).
public enum TargetsReader {
    static let requiredColumns = [
        "id", "deadline", "kinh_only", "minority_area_only", "party_committee_only", "planned_title_only",
        "requirement", "share", "kind", "weight", "label_vi", "label_en",
    ]
    /// A person short for a year is never worth more than this many units of another target: beyond it the
    /// solver's tolerances swamp the other targets.
    static let maxWeight = 1e9

    /// Columns whose empty value has a meaning may be left out of the file.
    static let optionalColumns = ["categories", "areas", "max_age", "min_minority_area_years"]

    /// The targets of every row that reads cleanly; every problem of every row goes to `problems`.
    public static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> [Target] {
        rows(data, file: file, problems: &problems).map(\.value)
    }

    /// Each target with the line it was read from, for later checks to point at.
    static func rows(_ data: Data, file: String, problems: inout [InputProblem]) -> [Numbered<Target>] {
        guard let table = TableFile.read(data, file: file, problems: &problems),
              let columns = ColumnIndex(
                table: table, file: file, required: requiredColumns, optional: optionalColumns,
                aliases: Aliases.targetsColumns, problems: &problems)
        else { return [] }

        var targets: [Numbered<Target>] = []
        var ids = UniqueIDs()
        for record in table.records {
            var row = RowReader(columns: columns, record: record)
            let id = row.nonEmptyText("id")
            ids.check(id, on: &row)
            let requirement = parseRequirement(row.text("requirement"))
            if case .failure(let message) = requirement { row.report("requirement", message.text) }
            let weight = row.number("weight", in: -Double.infinity...Double.infinity, atMost: maxWeight)
            if weight <= 0 && row.problems.allSatisfy({ $0.field != "weight" }) {
                row.report("weight", "\(row.text("weight")) is not above 0")
            }

            let target = Target(
                id: id, deadline: row.integer("deadline", in: 1900...2100), categories: row.choices("categories"),
                areas: row.choices("areas"), maxAge: row.optionalInteger("max_age", in: 0...120),
                kinhOnly: row.yesNo("kinh_only"), minorityAreaOnly: row.yesNo("minority_area_only"),
                partyCommitteeOnly: row.yesNo("party_committee_only"), plannedTitleOnly: row.yesNo("planned_title_only"),
                minMinorityAreaYears: row.optionalNumber("min_minority_area_years", in: 0...100),
                requirement: (try? requirement.get()) ?? Requirement([]), share: row.number("share", in: 0...1),
                kind: row.choice("kind"), weight: weight, labelVi: row.text("label_vi"), labelEn: row.text("label_en"))
            problems += row.problems
            if row.problems.isEmpty { targets.append(Numbered(line: record.line, value: target)) }
        }
        return targets
    }

    struct RequirementProblem: Error { let text: String }

    /// `education>=college&political_theory>=elementary`: conditions joined by `&`, spaces allowed around parts;
    /// families and levels may have their Vietnamese names (`lý luận chính trị>=trung cấp`).
    static func parseRequirement(_ text: String) -> Result<Requirement, RequirementProblem> {
        if text.isEmpty { return .failure(RequirementProblem(text: "is empty; write family>=level, joined by &")) }
        var conditions: [LevelCondition] = []
        var messages: [String] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: false) {
            let pieces = part.components(separatedBy: ">=")
            guard pieces.count == 2 else {
                messages.append("\(quoted(part.trimmingCharacters(in: .whitespaces))) is not of the form family>=level")
                continue
            }
            let familyName = pieces[0].trimmingCharacters(in: .whitespaces).lowercased()
            let levelName = pieces[1].trimmingCharacters(in: .whitespaces).lowercased()
            guard let family = Family.named(familyName) else {
                messages.append("\(quoted(familyName)) is not one of \(oneOf(Family.allCases.map(\.rawValue)))")
                continue
            }
            guard let level = family.level(spelled: levelName) else {
                messages.append("\(quoted(levelName)) is not a level of \(family.rawValue) (\(oneOf(family.levelNames)))")
                continue
            }
            conditions.append(LevelCondition(family: family, level: level))
        }
        if !messages.isEmpty { return .failure(RequirementProblem(text: messages.joined(separator: "; "))) }
        return .success(Requirement(conditions))
    }
}
