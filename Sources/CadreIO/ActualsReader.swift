import CadreDomain
import Foundation

/// Reads actuals.csv or .xlsx: what really happened since the plan was made, one event per row (see the
/// README for the columns, and `Aliases` for their Vietnamese names).
///
/// Ids are not resolved here: the re-plan (`Replan.scenario`) checks them against the scenario, since a
/// `joined` row may introduce an official that later rows name. What one row can tell alone is checked here:
/// the event, the columns it needs, the values as officials.csv reads them.
public enum ActualsReader {
    static let requiredColumns = ["event", "official_id"]
    /// The officials.csv columns (all but `id`) hold a `joined` row's new official.
    static let officialColumns = (OfficialsReader.requiredColumns + OfficialsReader.optionalColumns).filter { $0 != "id" }
    static let optionalColumns = ["course_id", "year", "field", "value", "note"] + officialColumns

    /// Fields of officials.csv that a `changed` row may not change, with why.
    static let fixedFields: [String: String] = [
        "id": "an official keeps their id; record a left row for the old id and a joined row for the new one",
        "gender": "it is fixed; if officials.csv has it wrong, correct it there",
        "birth_year": "it is fixed; if officials.csv has it wrong, correct it there",
        "minority_area_years": "the re-plan counts the years since the base year itself; "
            + "if officials.csv has it wrong, correct it there",
    ]

    /// The fields a `changed` row may change, in the order of officials.csv.
    static let changeableFields = officialColumns.filter { fixedFields[$0] == nil }

    /// The columns of actuals.csv each event uses, beyond `official_id` and the free-text `note`.
    static func eventColumns(of kind: ActualEvent.Kind) -> Set<String> {
        switch kind {
        case .completed, .running, .dropped: ["course_id", "year"]
        case .left, .joined: ["year"]
        case .changed: ["year", "field", "value"]
        }
    }

    /// The events of every row that reads cleanly, in file order; every problem of every row goes to `problems`.
    public static func read(_ data: Data, file: String, problems: inout [InputProblem]) -> [ActualEvent] {
        guard let table = TableFile.read(data, file: file, problems: &problems),
              let columns = ColumnIndex(
                table: table, file: file, required: requiredColumns, optional: optionalColumns,
                aliases: Aliases.actualsColumns, problems: &problems)
        else { return [] }

        var events: [ActualEvent] = []
        for record in table.records {
            var row = RowReader(columns: columns, record: record)
            let eventText = row.text("event")
            let kind = ActualEvent.Kind.named(eventText)
            let kinds = oneOf(ActualEvent.Kind.allCases.map(\.rawValue))
            if kind == nil {
                row.report("event", eventText.isEmpty ? "is empty; write \(kinds)" : "\(quoted(eventText)) is not one of \(kinds)")
            }
            let officialID = row.nonEmptyText("official_id")

            // A column of this file that the event does not use must be empty: a filled one usually means the
            // event is mistyped. (officials.csv's columns are only read on joined rows, and may hold anything
            // on others, so a row can be copied from a roster.)
            if let kind {
                for column in ["course_id", "field", "value"] where !eventColumns(of: kind).contains(column) {
                    let value = row.text(column)
                    if value.isEmpty { continue }
                    let users = ActualEvent.Kind.allCases.filter { eventColumns(of: $0).contains(column) }.map(\.rawValue)
                    row.report(column, "\(quoted(value)) does not belong to a \(kind.rawValue) row "
                        + "(\(column) is for \(users.joined(separator: ", ")) rows); is the event right?")
                }
            }

            var event = ActualEvent(
                kind: kind ?? .completed, officialID: officialID, source: "\(file):\(record.line)")
            switch kind {
            case .completed?, .running?, .dropped?:
                event.courseID = row.text("course_id")
                if event.courseID.isEmpty { row.report("course_id", "is empty; a \(kind!.rawValue) row names the course") }
                event.year = yearRead(&row, emptyMessage: "is empty; give the year the course started")
            case .left?:
                event.year = yearRead(&row, emptyMessage: "is empty; give the last year in service")
            case .joined?:
                event.year = yearRead(&row, emptyMessage: nil)
                event.official = newOfficial(id: officialID, columns: columns, row: &row)
            case .changed?:
                event.year = yearRead(&row, emptyMessage: nil)
                event.change = change(&row)
            case nil:
                break
            }
            problems += row.problems
            if row.problems.isEmpty { events.append(event) }
        }
        return events
    }

    /// The year of the row; nil when it is empty (a problem when `emptyMessage` is given) or unreadable.
    private static func yearRead(_ row: inout RowReader, emptyMessage: String?) -> Int? {
        if row.text("year").isEmpty {
            if let emptyMessage { row.report("year", emptyMessage) }
            return nil
        }
        return row.optionalInteger("year", in: 1900...2150)
    }

    /// The official of a `joined` row, read from the officials.csv columns as officials.csv reads them. A column
    /// missing from the header is one problem at the row, not also a complaint about its empty value.
    private static func newOfficial(id: String, columns: ColumnIndex, row: inout RowReader) -> Official {
        let absent = OfficialsReader.requiredColumns.filter { $0 != "id" && columns.position(of: $0) == nil }
        var reader = RowReader(columns: columns, record: row.record)
        let official = OfficialsReader.official(id: id, from: &reader)
        for column in absent {
            row.report(column, "is not a column of the file; a joined row needs every column of officials.csv")
        }
        for problem in reader.problems where !absent.contains(problem.field ?? "") {
            row.report(problem.field ?? "", problem.message)
        }
        return official
    }

    /// The change of a `changed` row: `field` names an officials.csv column (or its Vietnamese alias), `value`
    /// is read as that column is in officials.csv. Nil after a problem.
    private static func change(_ row: inout RowReader) -> OfficialChange? {
        let fieldText = row.text("field")
        if fieldText.isEmpty {
            row.report("field", "is empty; name the officials.csv column that changed (\(oneOf(changeableFields)))")
            return nil
        }
        let key = Aliases.key(fieldText)
        let field = Aliases.officialsColumns[key] ?? key
        if let why = fixedFields[field] {
            row.report("field", "\(field) cannot be changed: \(why)")
            return nil
        }
        guard changeableFields.contains(field) else {
            row.report("field", "\(quoted(fieldText)) is not a column of officials.csv that can change (\(oneOf(changeableFields)))")
            return nil
        }
        let value = row.text("value")
        if value.isEmpty && field != "planned_title" && field != "leaves_year" {
            row.report("value", "is empty; give the new \(field)")
            return nil
        }
        let before = row.problems.count
        let change: OfficialChange
        switch field {
        case "full_name": change = .fullName(value)
        case "ethnicity": change = .ethnicity(value)
        case "title": change = .title(value)
        case "planned_title": change = .plannedTitle(value)
        case "district": change = .district(value)
        case "commune": change = .commune(value)
        case "category": change = .category(row.choice("value"))
        case "area": change = .area(row.choice("value"))
        case "party_member": change = .partyMember(row.yesNo("value"))
        case "party_committee": change = .partyCommittee(row.yesNo("value"))
        case "minority_area": change = .minorityArea(row.yesNo("value"))
        case "leaves_year": change = .leavesYear(row.optionalInteger("value", in: 1900...2100))
        default:
            guard let family = Family.allCases.first(where: { $0.officialsColumn == field }) else {
                row.report("field", "\(quoted(fieldText)) cannot be changed")
                return nil
            }
            change = .level(family, row.level(of: family, "value"))
        }
        return row.problems.count == before ? change : nil
    }
}

extension ActualsReader {
    /// The events of the file at `path`. Throws `InputError` with every problem when the file cannot be read or
    /// any row has an error.
    public static func read(path: String) throws -> [ActualEvent] {
        var problems: [InputProblem] = []
        let events = read(path: path, problems: &problems)
        try InputError.throwIfAnyError(in: problems)
        return events
    }

    /// The events of every row of the file at `path` that reads cleanly; every problem goes to `problems`, so a
    /// re-plan can check the clean rows against the scenario and report both kinds of problem at once.
    public static func read(path: String, problems: inout [InputProblem]) -> [ActualEvent] {
        switch ScenarioPaths.contents(of: path) {
        case .failure(let failure):
            problems.append(InputProblem(file: path, message: "cannot be read: \(failure.reason)"))
            return []
        case .success(let data):
            return read(data, file: path, problems: &problems)
        }
    }
}
