import Foundation
import XCTest

/// Runs the built `cadreplan` executable as a subprocess, the way a user or a script would.
enum CLI {
    struct Run {
        var code: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
        /// For failure messages.
        var transcript: String { "exit \(code)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "cannot find the cadreplan executable next to the tests (build it first: swift build); looked in:\n"
                + searched.joined(separator: "\n")
        }
    }

    /// `cadreplan` in the build folder the tests run from. On Linux the test runner is
    /// `.build/<config>/<Package>PackageTests.xctest` beside `cadreplan`; on macOS the bundle's executable is
    /// a few folders deeper. Every start point is walked up a few levels. `CADREPLAN_EXECUTABLE` overrides.
    static let executable: Result<URL, NotFound> = {
        if let given = ProcessInfo.processInfo.environment["CADREPLAN_EXECUTABLE"], !given.isEmpty {
            return .success(URL(fileURLWithPath: given))
        }
        var starts: [URL] = [Bundle(for: BundleAnchor.self).bundleURL, Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        var searched: [String] = []
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<6 {
                let candidate = folder.appendingPathComponent("cadreplan")
                searched.append(candidate.path)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return .success(candidate)
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return .failure(NotFound(searched: searched))
    }()

    /// Runs `cadreplan arguments…` in `folder`; output goes through files so that neither pipe can fill up.
    static func run(_ arguments: [String], in folder: URL, timeout: Double = 120,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let executable = try executable.get()
        let id = UUID().uuidString.prefix(8)
        let outURL = folder.appendingPathComponent(".stdout-\(id)")
        let errURL = folder.appendingPathComponent(".stderr-\(id)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = outHandle
        process.standardError = errHandle
        // An empty pipe, closed at once: the command reads end of input, never the test runner's terminal.
        let input = Pipe()
        process.standardInput = input
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let started = Date()
        try process.run()
        try input.fileHandleForWriting.close()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            XCTFail("cadreplan \(arguments.joined(separator: " ")) ran past \(timeout) s and was stopped", file: file, line: line)
        }
        let seconds = Date().timeIntervalSince(started)
        try outHandle.close()
        try errHandle.close()
        return Run(
            code: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            seconds: seconds)
    }
}

private final class BundleAnchor {}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cadrecli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ component: String) -> String { url.appendingPathComponent(component).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Every regular file under a folder, by relative path, with its bytes.
func snapshot(of folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let root = URL(fileURLWithPath: folder).standardizedFileURL
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
        return files
    }
    for case let url as URL in enumerator {
        guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        files[relative] = try Data(contentsOf: url)
    }
    return files
}

// MARK: - Reading the outputs, independently of the product's own reader

/// A CSV output file split into header and rows by a small RFC 4180 parser of its own.
struct OutputCSV {
    let hasBOM: Bool
    let header: [String]
    let rows: [[String: String]]
    let rawRows: [[String]]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let bytes = [UInt8](data)
        hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let text = String(decoding: hasBOM ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        let records = OutputCSV.parse(text)
        header = records.first ?? []
        rawRows = Array(records.dropFirst())
        let header = self.header
        rows = rawRows.map { fields in
            Dictionary(uniqueKeysWithValues: zip(header, fields + Array(repeating: "", count: max(0, header.count - fields.count))))
        }
    }

    /// Fields separated by `,`, records by LF or CRLF, quoted fields may hold both and doubled quotes.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", let following = next(), following != "\n" { pending = following }
                record.append(field)
                field = ""
                records.append(record)
                record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

func readJSON(_ path: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    guard let dictionary = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
    return dictionary
}

func number(_ value: Any?) -> Double? {
    switch value {
    case let n as NSNumber: n.doubleValue
    case let d as Double: d
    case let i as Int: Double(i)
    default: nil
    }
}

// MARK: - Scenario folders written as text

enum ScenarioText {
    static let officialsHeader =
        "id,full_name,gender,birth_year,ethnicity,category,title,planned_title,party_member,party_committee,district,commune,area,minority_area,minority_area_years,education,political_theory,state_management,it,foreign_language,ethnic_language,mass_org_training,leadership_update,leaves_year"
    static let coursesHeader =
        "id,name,family,grants,requires,years,days,cost,seats,provider,categories,areas,max_age,kinh_only,minority_area_only,party_member_only"
    static let targetsHeader =
        "id,deadline,categories,areas,max_age,kinh_only,minority_area_only,party_committee_only,planned_title_only,min_minority_area_years,requirement,share,kind,weight,label_vi,label_en"

    /// Six officials, three courses, three years and a budget too small for every target: every official has
    /// few choices, so the integer program is tiny and its optimum (weighted shortfall > 0) is found at once.
    static let tinyOfficials = [
        "T-01,Nguyễn Văn An,male,1975,Kinh,key_cadre,Chủ tịch UBND,,yes,yes,Sơn Tịnh,Xã Tịnh Hà,plains,no,0,university,elementary,none,basic,0,none,no,no,",
        "T-02,Trần Thị Bình,female,1980,Kinh,key_cadre,Phó Chủ tịch UBND,Chủ tịch UBND,yes,yes,Sơn Tịnh,Xã Tịnh Hà,plains,no,0,university,none,none,basic,0,none,no,no,",
        "T-03,Lê Văn Cường,male,1985,Hrê,civil_servant,Công chức Tư pháp - Hộ tịch,,yes,no,Sơn Hà,Xã Sơn Hạ,mountain,yes,5,college,none,none,none,0,fluent,no,no,",
        "T-04,Phạm Thị Dung,female,1990,Kinh,civil_servant,Công chức Văn phòng - Thống kê,,no,no,Sơn Hà,Xã Sơn Hạ,mountain,yes,2,university,elementary,specialist,basic,2,none,no,no,",
        "T-05,Hoàng Văn Em,male,1965,Kinh,key_cadre,Bí thư Đảng ủy,,yes,yes,Sơn Tịnh,Xã Tịnh Hà,plains,no,0,college,none,none,none,0,none,no,no,2023",
        "T-06,Đặng Thị Phương,female,1988,Cor,part_time,Phó Chỉ huy trưởng Quân sự,,no,no,Sơn Hà,Xã Sơn Hạ,mountain,yes,4,intermediate,none,none,none,0,fluent,no,no,",
    ]

    static let tinyCourses = [
        "SC-LLCT,Sơ cấp lý luận chính trị,political_theory,elementary,,1,30,4000000,3,Trung tâm chính trị cấp huyện,,,,no,no,no",
        "TC-LLCT,Trung cấp lý luận chính trị,political_theory,intermediate,elementary,2,80,16000000,2,Trường Chính trị tỉnh,,,,no,no,yes",
        "QLNN-CV,Bồi dưỡng quản lý nhà nước ngạch chuyên viên,state_management,specialist,,1,35,5000000,3,Trường Chính trị tỉnh,,,,no,no,no",
    ]

    static let tinyTargets = [
        "T1,2023,key_cadre,,,no,no,no,no,,political_theory>=intermediate,1,required,10,Cán bộ chủ chốt có trung cấp LLCT,Key cadres hold intermediate political theory",
        "T2,2022,,,,no,no,no,no,,state_management>=specialist,0.5,required,3,Một nửa được bồi dưỡng QLNN,Half trained in state management",
        "T3,2024,,,,no,no,no,no,,political_theory>=elementary,1,strive,1,Tất cả có sơ cấp LLCT,Everyone holds elementary political theory",
    ]

    static func yaml(name: String, baseYear: Int, horizon: Int, budget: [Int: Int], carryOver: Bool = false,
                     maxTrainingDays: Int = 120) -> String {
        var lines = [
            "name: \(name)", "base_year: \(baseYear)", "horizon: \(horizon)", "officials: officials.csv",
            "courses: courses.csv", "targets: targets.csv", "budget:",
        ]
        lines += budget.keys.sorted().map { "  \($0): \(budget[$0]!)" }
        lines += ["carry_over: \(carryOver)", "max_training_days: \(maxTrainingDays)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `<name>.yaml`, officials.csv, courses.csv and targets.csv (CSV with a BOM, as Excel saves them)
    /// into `folder`; returns the scenario file's path.
    @discardableResult
    static func write(to folder: String, name: String = "tiny", baseYear: Int = 2022, horizon: Int = 2024,
                      budget: [Int: Int] = [2022: 10_000_000, 2023: 8_000_000, 2024: 5_000_000],
                      officials: [String] = tinyOfficials, courses: [String] = tinyCourses,
                      targets: [String] = tinyTargets, carryOver: Bool = false) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func csv(_ header: String, _ rows: [String]) -> Data {
            Data(("\u{FEFF}" + ([header] + rows).joined(separator: "\n") + "\n").utf8)
        }
        let base = URL(fileURLWithPath: folder)
        try csv(officialsHeader, officials).write(to: base.appendingPathComponent("officials.csv"))
        try csv(coursesHeader, courses).write(to: base.appendingPathComponent("courses.csv"))
        try csv(targetsHeader, targets).write(to: base.appendingPathComponent("targets.csv"))
        let scenario = base.appendingPathComponent("\(name).yaml")
        try Data(yaml(name: name, baseYear: baseYear, horizon: horizon, budget: budget, carryOver: carryOver).utf8).write(to: scenario)
        return scenario.path
    }

    /// A made-up commune staff of `count` officials drawn from `seed`: bigger than the tiny scenario, yet with
    /// few enough courses and years that the planner proves its optimum quickly.
    static func mediumOfficials(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đinh", "Bùi"]
        let given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Khánh", "Linh", "Minh", "Oanh", "Phúc", "Thảo"]
        let categories = ["key_cadre", "mass_org_cadre", "civil_servant", "part_time"]
        let political = ["none", "none", "elementary", "intermediate"]
        let state_ = ["none", "none", "specialist"]
        let it = ["none", "basic"]
        return (1...count).map { i in
            let gender = next(2) == 0 ? "male" : "female"
            let category = categories[next(4)]
            let party = next(4) == 0 ? "no" : "yes"
            let mountain = next(3) == 0
            return [
                String(format: "M-%03d", i), "\(families[next(families.count)]) Văn \(given[next(given.count)])", gender,
                String(1966 + next(30)), "Kinh", category, "Chức danh \(i)", next(5) == 0 ? "Chủ tịch UBND" : "", party,
                party == "yes" && next(3) == 0 ? "yes" : "no", mountain ? "Sơn Hà" : "Tư Nghĩa",
                mountain ? "Xã Sơn Hạ" : "Xã Nghĩa Kỳ", mountain ? "mountain" : "plains", mountain ? "yes" : "no",
                String(mountain ? next(10) : 0), "college", political[next(4)], state_[next(3)], it[next(2)], "0", "none",
                next(2) == 0 ? "yes" : "no", "no", "",
            ].joined(separator: ",")
        }
    }

    static let mediumCourses = [
        "SC-LLCT,Sơ cấp lý luận chính trị,political_theory,elementary,,1,30,4000000,6,Trung tâm chính trị cấp huyện,,,,no,no,no",
        "TC-LLCT,Trung cấp lý luận chính trị,political_theory,intermediate,elementary,2,80,16000000,3,Trường Chính trị tỉnh,,,,no,no,yes",
        "QLNN-CV,Bồi dưỡng quản lý nhà nước ngạch chuyên viên,state_management,specialist,,1,35,5000000,5,Trường Chính trị tỉnh,,,,no,no,no",
        "TH-CB,Chuẩn kỹ năng sử dụng CNTT cơ bản,it,basic,,1,15,2000000,8,\"Trung tâm tin học, đào tạo trực tuyến\",,,,no,no,no",
    ]

    static let mediumTargets = [
        "M1,2023,key_cadre,,,no,no,no,no,,political_theory>=intermediate,1,required,10,Cán bộ chủ chốt có trung cấp LLCT,Key cadres hold intermediate political theory",
        "M2,2023,civil_servant,,,no,no,no,no,,state_management>=specialist,0.7,required,5,70% công chức được bồi dưỡng QLNN,70% of civil servants trained in state management",
        "M3,2024,,,,no,no,no,no,,political_theory>=elementary,1,required,3,Tất cả có sơ cấp LLCT,Everyone holds elementary political theory",
        "M4,2024,key_cadre;mass_org_cadre;civil_servant,,,no,no,no,no,,it>=basic,0.8,strive,1,\"Phấn đấu cán bộ, công chức đạt chuẩn CNTT\",Strive: cadres and civil servants hold basic IT",
    ]
}

/// The package's root folder (for the shipped scenarios), from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A test case that runs the built `cadreplan` in a fresh scratch folder, removed after each test
/// (CADRECLI_KEEP=1 keeps it for a look after a failure).
class CLITestCase: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        // Fails (rather than skips) every test when the executable is missing: nothing would be tested.
        _ = try CLI.executable.get()
    }

    override func tearDown() {
        if ProcessInfo.processInfo.environment["CADRECLI_KEEP"] != nil, let scratch {
            print("kept \(scratch.url.path)")
        } else {
            scratch?.remove()
        }
    }
}
