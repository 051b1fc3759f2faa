import CadreDomain
import Foundation

/// A reorganisation of the map (the 1 July 2025 merger of communes, or any later one): where each old commune
/// went. Applied to every official at once, so a merger is one file and not one `changed` row per person.
public struct Reorganisation: Sendable, Equatable {
    public struct Move: Sendable, Equatable {
        public var oldUnit: String
        public var oldCommune: String
        public var newUnit: String
        public var newCommune: String
        /// Nil keeps each official's own value: most mergers keep a commune's terrain and its minority status.
        public var newArea: Area?
        public var newMinorityArea: Bool?
        /// `file:line`, for problems found when the moves meet the officials.
        public var source: String
    }

    public var file: String
    public var moves: [Move]

    /// The scenario with every official moved to their new commune and unit; ids, levels and everything else
    /// stay, so history recorded under the old commune still counts. An official whose commune is neither an
    /// old commune of the file nor already a new one is an error naming the commune and who works there.
    public func apply(to scenario: Scenario) throws -> Scenario {
        let byOld = Dictionary(moves.map { (Place($0.oldUnit, $0.oldCommune), $0) }) { first, _ in first }
        let newPlaces = Set(moves.map { Place($0.newUnit, $0.newCommune) })
        var moved = scenario
        var unlisted: [Place: [String]] = [:]
        for index in moved.officials.indices {
            let official = moved.officials[index]
            let place = Place(official.district, official.commune)
            if let move = byOld[place] {
                moved.officials[index].district = move.newUnit
                moved.officials[index].commune = move.newCommune
                if let area = move.newArea { moved.officials[index].area = area }
                if let minority = move.newMinorityArea { moved.officials[index].minorityArea = minority }
            } else if !newPlaces.contains(place) {
                unlisted[place, default: []].append(official.id)
            }
        }
        let problems = unlisted.sorted { ($0.key.unit, $0.key.commune) < ($1.key.unit, $1.key.commune) }.map { place, ids in
            let who = ids.count == 1 ? ids[0] : "\(ids[0]) and \(ids.count - 1) more"
            return InputProblem(
                file: file, field: "old_commune",
                message: "no row for \(quoted(place.commune)) of \(quoted(place.unit)), where \(who) work; "
                    + "every commune of the officials needs a row saying where it went (or keeps its name)")
        }
        try InputError.throwIfAnyError(in: problems)
        return moved
    }

    private struct Place: Hashable {
        var unit: String
        var commune: String
        init(_ unit: String, _ commune: String) {
            self.unit = unit
            self.commune = commune
        }
    }
}

/// Reads reorganisation.csv or .xlsx: one row per old commune, `old_commune,old_unit,new_commune,new_unit`
/// (or `xa_cu,don_vi_cu,xa_moi,don_vi_moi`, or the headers in `Aliases.reorganisationColumns`), with optional
/// `new_area` and `new_minority_area` when the merger changes what the targets look at.
public enum ReorganisationReader {
    static let requiredColumns = ["old_commune", "old_unit", "new_commune", "new_unit"]
    static let optionalColumns = ["new_area", "new_minority_area", "note"]

    public static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> Reorganisation {
        var reorganisation = Reorganisation(file: file, moves: [])
        guard let table = TableFile.read(data, file: file, problems: &problems),
              let columns = ColumnIndex(
                table: table, file: file, required: requiredColumns, optional: optionalColumns,
                aliases: Aliases.reorganisationColumns, problems: &problems)
        else { return reorganisation }

        var firstLine: [[String]: Int] = [:]
        for record in table.records {
            var row = RowReader(columns: columns, record: record)
            var move = Reorganisation.Move(
                oldUnit: row.nonEmptyText("old_unit"), oldCommune: row.nonEmptyText("old_commune"),
                newUnit: row.nonEmptyText("new_unit"), newCommune: row.nonEmptyText("new_commune"),
                source: "\(file):\(record.line)")
            if !row.text("new_area").isEmpty { move.newArea = row.choice("new_area") as Area }
            if !row.text("new_minority_area").isEmpty { move.newMinorityArea = row.yesNo("new_minority_area") }
            let key = [move.oldUnit, move.oldCommune]
            if !move.oldCommune.isEmpty, let first = firstLine[key] {
                row.report("old_commune", "\(quoted(move.oldCommune)) of \(quoted(move.oldUnit)) already has a row "
                    + "(line \(first)); an old commune goes to one new commune")
            } else if !move.oldCommune.isEmpty {
                firstLine[key] = record.line
            }
            problems += row.problems
            if row.problems.isEmpty { reorganisation.moves.append(move) }
        }
        return reorganisation
    }

    /// The reorganisation in the file at `path`; throws `InputError` with every problem of the file.
    public static func read(path: String) throws -> Reorganisation {
        var problems: [InputProblem] = []
        var reorganisation = Reorganisation(file: path, moves: [])
        switch ScenarioPaths.contents(of: path) {
        case .failure(let failure):
            problems.append(InputProblem(file: path, message: "cannot be read: \(failure.reason)"))
        case .success(let data):
            reorganisation = read(data, file: path, problems: &problems)
        }
        try InputError.throwIfAnyError(in: problems)
        return reorganisation
    }
}
