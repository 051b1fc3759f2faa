import CadreDomain
import Foundation
@testable import CadreIO

/// The readers the web workspace runs on uploads, as libFuzzer picks them: the first byte of an input, modulo the
/// count, names the reader; the rest is the file.
enum FuzzedReader: UInt8, CaseIterable {
    case officialsCSV, coursesCSV, targetsCSV, officialsWorkbook, scenarioYAML, locks, actuals

    var fileName: String {
        switch self {
        case .officialsCSV: "officials.csv"
        case .coursesCSV: "courses.csv"
        case .targetsCSV: "targets.csv"
        case .officialsWorkbook: "officials.xlsx"
        case .scenarioYAML: "scenario.yaml"
        case .locks: "locks.csv"
        case .actuals: "actuals.csv"
        }
    }
}

/// The scenario locks are read against: two officials and two courses, so that a lock naming them can be read
/// cleanly and the rest of LocksReader (years, districts, caps) is reached.
let locksScenario: Scenario = {
    let officials = """
        id,full_name,gender,birth_year,ethnicity,category,title,planned_title,party_member,party_committee,district,commune,area,minority_area,minority_area_years,education,political_theory,state_management,it,foreign_language,ethnic_language,mass_org_training,leadership_update,leaves_year
        QN-00001,Trần Minh Việt,male,1970,Kinh,key_cadre,Bí thư Đảng ủy,,yes,yes,TP Quảng Ngãi,Xã Tịnh Ấn Tây,plains,no,0,university,intermediate,specialist,basic,0,none,no,no,
        QN-00002,Lê Tấn Khánh,male,1974,Kinh,key_cadre,Phó Bí thư Đảng ủy,,yes,yes,TP Quảng Ngãi,Xã Tịnh Ấn Tây,plains,no,0,university,intermediate,specialist,basic,2,none,no,no,
        """
    let courses = """
        id,name,family,grants,requires,years,days,cost,seats,provider,categories,areas,max_age,kinh_only,minority_area_only,party_member_only
        TC-CM,Trung cấp chuyên môn (vừa làm vừa học),education,intermediate,,2,45,14000000,20,"Trường cao đẳng, trung cấp (vừa làm vừa học)",,,,no,no,no
        CD-CM,Cao đẳng chuyên môn (vừa làm vừa học),education,college,,3,50,30000000,10,"Trường cao đẳng, trung cấp (vừa làm vừa học)",,,,no,no,no
        """
    var problems: [InputProblem] = []
    let scenario = Scenario(
        name: "fuzz", baseYear: 2022, horizon: 2026,
        officials: OfficialsReader.read(Data(officials.utf8), file: "o.csv", problems: &problems).sorted { $0.id < $1.id },
        courses: CoursesReader.read(Data(courses.utf8), file: "c.csv", problems: &problems).sorted { $0.id < $1.id },
        targets: [], budget: [:])
    if !problems.isEmpty { print(problems) }
    precondition(problems.isEmpty && scenario.officials.count == 2 && scenario.courses.count == 2, "\(problems)")
    return scenario
}()

/// Reads `file` with `reader`: how many values came out, and the problems.
func read(_ file: Data, with reader: FuzzedReader) -> (values: Int, problems: [InputProblem]) {
    var problems: [InputProblem] = []
    let name = reader.fileName
    let values: Int
    switch reader {
    case .officialsCSV, .officialsWorkbook: values = OfficialsReader.read(file, file: name, problems: &problems).count
    case .coursesCSV: values = CoursesReader.read(file, file: name, problems: &problems).count
    case .targetsCSV: values = TargetsReader.read(file, file: name, problems: &problems).count
    case .scenarioYAML:
        guard let text = TextEncoding.utf8(file, file: name, problems: &problems) else { values = 0; break }
        values = ScenarioYAML.parse(String(decoding: text, as: UTF8.self), file: name, problems: &problems) == nil ? 0 : 1
    case .locks:
        let locks = LocksReader.read(file, file: name, scenario: locksScenario, problems: &problems)
        values = locks.pins.count + locks.forbids.count + locks.caps.count
    case .actuals: values = ActualsReader.read(file, file: name, problems: &problems).count
    }
    return (values, problems)
}

/// The property every input must keep; a violation is a finding (a crash libFuzzer records with its input).
///
/// An input is read (values, perhaps with warnings) or refused: then at least one problem says why; only a
/// file of a header and no rows may rightly read as nothing (a locks file with no locks yet). Every
/// problem names the file it was given and, when it has a line, a line the file has (a workbook's row numbers
/// are its own, so they are only checked to be positive).
func checkProperty(_ file: Data, _ reader: FuzzedReader) {
    let (values, problems) = read(file, with: reader)
    // FUZZ_SHOW=1 with a finding's file as the argument shows what the reader made of it.
    if ProcessInfo.processInfo.environment["FUZZ_SHOW"] != nil {
        FileHandle.standardError.write(Data(("\(reader.fileName): \(values) read, problems:\n" + problems.map { "  \($0)\n" }.joined()).utf8))
    }
    if values == 0 && problems.isEmpty && (reader == .scenarioYAML || !holdsNoRows(file, name: reader.fileName)) {
        fatalError("\(reader.fileName): nothing read and no problem said why")
    }
    // Any line break counts, so the bound is loose for CRLF files but never too tight.
    let lineCount = file.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    let isWorkbook = file.starts(with: [0x50, 0x4B, 0x03, 0x04])
    for problem in problems {
        if problem.file != reader.fileName { fatalError("problem names another file: \(problem)") }
        if problem.message.isEmpty { fatalError("problem without a message: \(problem)") }
        if let line = problem.line, line < 1 || (!isWorkbook && line > lineCount) {
            fatalError("line \(line) is not a line of a \(lineCount)-line file: \(problem)")
        }
    }
}

/// True when no sheet of the file holds more than one row with text: a header with no rows, or nothing.
func holdsNoRows(_ file: Data, name: String) -> Bool {
    var problems: [InputProblem] = []
    let sheets = TableFile.sheets(file, file: name, onlyFirst: false, problems: &problems)?.sheets ?? []
    return sheets.allSatisfy { sheet in
        sheet.rows.count { record in record.fields.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } } <= 1
    }
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: start, count: count)
    let reader = FuzzedReader(rawValue: bytes[0] % UInt8(FuzzedReader.allCases.count))!
    checkProperty(Data(bytes.dropFirst()), reader)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to the module's own entry point, so libFuzzer's `main` is never used:
/// the entry point hands the command line to libFuzzer's driver instead.
@main
enum ReaderFuzzerMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
