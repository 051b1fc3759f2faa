import CadreDomain
import CadreIO
import CadrePlanner
import Foundation

/// The rosters as papers to print, sign and send, laid out as Decree 30/2020/NĐ-CP lays out an administrative
/// document: `rosters/<year>_<course>.xlsx`, one workbook per intake (the school sends each intake's list on its
/// own, to its own class), and `rosters/districts/<district>.xlsx`, one workbook per district with a sheet per
/// intake it sends trainees to. The CSV rosters stay as the contract has them; these add the paper around them.
enum RosterPapers {
    static let folder = "rosters/"
    static let districtFolder = "rosters/districts/"

    /// Each paper's path and how to write it; `ReportFiles` writes them on every core.
    static func papers(for result: PlanningResult, language: ReportLanguage) -> [(path: String, write: () throws -> Data)] {
        let scenario = result.scenario
        let words = Wording(language: language, unitLabel: scenario.unitLabel)
        let created = WorkbookWriter.creationStamp(result)
        let intakes = PlanWriter.intakes(of: result.plan, scenario)
        var papers: [(path: String, write: () throws -> Data)] = intakes.map { intake in
            let paper = RosterPaper(intake: intake, district: nil, scenario: scenario, words: words)
            return (folder + intake.fileStem + ".xlsx", {
                try XLSXWorkbook.bytes(title: paper.courseLine, created: created) { workbook in
                    try paper.write(to: workbook.addSheet(named: sheetNames([intake])[0]))
                }
            })
        }

        let districts = Set(scenario.officials.map(\.district)).sorted()
        let districtStems = FileNames.distinct(districts.map { FileNames.safe($0, fallback: "district") })
        for (district, stem) in zip(districts, districtStems) {
            let own = intakes.compactMap { intake -> PlanWriter.Intake? in
                var own = intake
                own.officials = intake.officials.filter { scenario.officials[$0].district == district }
                return own.officials.isEmpty ? nil : own
            }
            guard !own.isEmpty else { continue }
            papers.append((districtFolder + stem + ".xlsx", {
                try XLSXWorkbook.bytes(title: words.rosterDistrict(district), created: created) { workbook in
                    for (intake, sheetName) in zip(own, sheetNames(own)) {
                        try RosterPaper(intake: intake, district: district, scenario: scenario, words: words)
                            .write(to: workbook.addSheet(named: sheetName))
                    }
                }
            }))
        }
        return papers
    }

    /// The intakes' file stems as sheet names: already free of the characters Excel refuses, cut to its 31
    /// characters, and kept distinct (Excel ignores letter case in sheet names as well).
    static func sheetNames(_ intakes: [PlanWriter.Intake]) -> [String] {
        FileNames.distinct(intakes.map { String($0.fileStem.prefix(28)) })
    }
}

/// One intake's roster on one sheet: the issuer and the national title above, the list, the total, the
/// signature block below.
struct RosterPaper {
    let intake: PlanWriter.Intake
    /// Set on a district's own copy, which lists only its trainees and is sent to it.
    let district: String?
    let scenario: Scenario
    let words: Wording

    private var course: Course { scenario.courses[intake.course] }
    private var letterhead: Letterhead { scenario.letterhead }

    var courseLine: String { words.rosterCourse(course, year: intake.year) }

    /// Columns A…C carry the issuer and D…H the national title.
    static let issuerColumns = 0...2
    static let nationalColumns = 3...7
    static let allColumns = 0...7
    /// Row of the table's headings, printed again atop every page.
    static let headingRow = 8

    var table: Table {
        var table = Table(name: courseLine, columns: [
            .init(title: words.number, width: 5), .init(title: words.officialId, width: 10), .init(title: words.fullName, width: 24),
            .init(title: words.gender, width: 6), .init(title: words.birthYear, width: 6), .init(title: words.jobTitle, width: 22),
            .init(title: words.communeOfficial, width: 20), .init(title: words.district, width: 14),
        ])
        table.rows = intake.officials.enumerated().map { number, index in
            let official = scenario.officials[index]
            return [.int(number + 1), .text(official.id), .text(official.fullName), .text(words.gender(official.gender)),
                    .int(official.birthYear), .text(official.title), .text(official.commune), .text(official.district)]
        }
        return table
    }

    func write(to sheet: XLSXWorkbook.Sheet) throws {
        let table = table
        // Without an issuer in the scenario, the course's provider sends its own list.
        let issuer = letterhead.issuer ?? (course.provider.isEmpty ? words.blank : course.provider.uppercased())
        let issuerLines = [letterhead.issuerParent, issuer].compactMap { $0 }
        // The body without its parent stands alone on the first line, bold and underlined, as the decree places it.
        try sheet.merge(issuerLines[0], row: 0, columns: Self.issuerColumns, style: issuerLines.count > 1 ? .paperCentered : .paperUnderlined)
        if issuerLines.count > 1 {
            try sheet.merge(issuerLines[1], row: 1, columns: Self.issuerColumns, style: .paperUnderlined)
        }
        try sheet.merge(words.nationalTitle, row: 0, columns: Self.nationalColumns, style: .paperBold)
        try sheet.merge(words.motto, row: 1, columns: Self.nationalColumns, style: .paperUnderlined)
        try sheet.merge(words.placeAndDate(letterhead.place), row: 2, columns: Self.nationalColumns, style: .paperItalic)

        try sheet.merge(words.rosterTitle, row: 4, columns: Self.allColumns, style: .paperTitle)
        try sheet.merge(courseLine, row: 5, columns: Self.allColumns, style: .paperBold)
        try sheet.merge(words.rosterOpening(course, year: intake.year), row: 6, columns: Self.allColumns, style: .paperCentered)
        if let district {
            try sheet.merge(words.rosterDistrict(district), row: 7, columns: Self.allColumns, style: .paperCentered)
        }

        // The narrow columns' headings wrap instead, in a heading row two lines high.
        let widths = WorkbookWriter.printedWidths(table, headings: false)
        try sheet.write(table, firstRow: Self.headingRow, widths: widths, styles: .paper)
        // Given, as `PageSetup.repeatedRows` asks.
        try sheet.setHeight(2 * Self.lineHeight, row: Self.headingRow)
        let issuerWidth = Self.issuerColumns.reduce(0) { $0 + widths[$1] }
        for (row, line) in issuerLines.enumerated() {
            try sheet.setHeight(Self.lineHeight * Double(Self.linesNeeded(line, width: issuerWidth)), row: row)
        }
        let total = Self.headingRow + table.rows.count + 1
        try sheet.merge(words.rosterTotal(table.rows.count), row: total, columns: Self.allColumns, style: .paperTotal)

        let block = total + 2
        try sheet.merge(words.recipients, row: block, columns: Self.issuerColumns, style: .paperNote)
        let recipient = district ?? course.provider
        for (offset, line) in ((recipient.isEmpty ? [] : ["- \(recipient);"]) + [words.archived]).enumerated() {
            try sheet.merge(line, row: block + 1 + offset, columns: Self.issuerColumns, style: .paperSmall)
        }
        try sheet.merge(letterhead.signerTitle ?? words.defaultSignerTitle, row: block, columns: Self.nationalColumns, style: .paperBold)
        try sheet.merge(words.signHere, row: block + 1, columns: Self.nationalColumns, style: .paperItalic)
        // Rows left blank for the signature and the seal.
        try sheet.merge(letterhead.signerName ?? "", row: block + 6, columns: Self.nationalColumns, style: .paperBold)

        try sheet.setUpPage(PageSetup(repeatedRows: Self.headingRow...Self.headingRow, pageNumbering: words.pageNumbering))
    }

    /// A 12-point line with its leading, in points.
    static let lineHeight = 16.0

    /// Lines a bold capitalised text takes in a merged cell `width` characters wide: such a letter of Times New
    /// Roman is about one and a half of the digits Excel's widths count. A merged cell neither wraps into a taller
    /// row by itself nor shows what overflows it, so the issuer's rows are given their height here.
    static func linesNeeded(_ text: String, width: Double) -> Int {
        max(1, Int((Double(text.count) * 1.5 / width).rounded(.up)))
    }
}
