import CadreIO
import Foundation
import Hummingbird

/// The files of a run's folder as the API serves them: only files inside that folder, named by plain relative
/// paths, never hidden files or links out of it.
enum RunFiles {
    /// The date of every file in a zip the workspace sends: a fixed one, so the same files give the same bytes.
    static let downloadDay = (year: 2022, month: 1, day: 1)

    /// The path after `/files/`, decoded and checked: no empty, `.`, `..` or hidden components.
    static func relativePath(_ components: [Substring]) throws -> String {
        let decoded = components.map { String($0).removingPercentEncoding ?? String($0) }
        guard !decoded.isEmpty, decoded.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("/") && !$0.contains("\\") && !$0.contains("\0") })
        else { throw APIError(.badRequest, "a file of a run is named by a plain path such as rosters/2024_TC-LLCT.csv") }
        return decoded.joined(separator: "/")
    }

    /// The file, once its real path (links resolved) is inside the run's folder.
    static func resolve(_ relative: String, in folder: URL) throws -> URL {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let file = folder.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard file.path.hasPrefix(root), FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw APIError(.notFound, "the run has no file \(relative)")
        }
        return file
    }

    /// Every file of the folder (relative paths, sorted), for the page's downloads.
    static func listing(_ folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") { walker.skipDescendants(); continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    static func response(_ data: Data, name: String) -> Response {
        let type: String
        var attachment = true
        switch (name as NSString).pathExtension.lowercased() {
        case "csv": type = "text/csv; charset=utf-8"
        case "xlsx": type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "html":
            type = "text/html; charset=utf-8"
            attachment = false
        case "json":
            type = "application/json; charset=utf-8"
            attachment = false
        case "yaml", "yml": type = "application/yaml; charset=utf-8"
        case "pdf": type = "application/pdf"
        default: type = "application/octet-stream"
        }
        var headers: HTTPFields = [.contentType: type]
        if attachment {
            headers[.contentDisposition] = "attachment; filename=\"\(FileNames.safe((name as NSString).deletingPathExtension, fallback: "file")).\((name as NSString).pathExtension)\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;"))) ?? "file")"
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// How a viewer limited to some districts may have a file: its rows of those districts, the file as it is
    /// (counts, no one named; or a district's own paper rosters), or not at all (it names officials of every
    /// district: the workbook, the report, an intake's paper roster).
    enum DistrictView {
        case rowsOfDistricts, whole, refused
    }

    static func districtView(_ relative: String, districts: Set<String>) -> DistrictView {
        let components = relative.split(separator: "/").map(String.init)
        let name = components.last ?? ""
        let folder = components.dropLast().last
        if folder == "rosters" && name.hasSuffix(".csv") { return .rowsOfDistricts }
        if folder == "districts" && components.dropLast().dropLast().last == "rosters" {
            let own = Set(districts.map { FileNames.safe($0, fallback: "district") + ".xlsx" })
            return own.contains(name) ? .whole : .refused
        }
        switch name {
        case "schedule.csv", "districts.csv", "officials_plan.csv": return .rowsOfDistricts
        case "summary.json", "attainment.csv", "budget.csv", "intakes.csv", "reasons.csv", "sweep.csv", "compare.csv",
             "compare-scenarios.csv": return .whole
        default: return .refused
        }
    }

    /// Every roster of the run zipped — the CSVs and the papers to print — or the rosters of some districts: each
    /// CSV cut to those districts' trainees (left out when none is left), and those districts' own paper rosters.
    static func rosters(of folder: URL, districts: Set<String>?, tables: CSVPages) async throws -> Data {
        let paths = listing(folder).filter { $0.hasPrefix("rosters/") }
        guard !paths.isEmpty else { throw APIError(.notFound, "the run has no rosters") }
        var files: [(path: String, data: Data)] = []
        for path in paths {
            let file = folder.appendingPathComponent(path)
            guard let districts else {
                files.append((path, try Data(contentsOf: file)))
                continue
            }
            switch districtView(path, districts: districts) {
            case .rowsOfDistricts:
                let cut = try await tables.filtered(file, column: "district", values: districts)
                if cut.rows > 0 { files.append((path, cut.data)) }
            case .whole:
                files.append((path, try Data(contentsOf: file)))
            case .refused:
                continue
            }
        }
        guard !files.isEmpty else {
            throw APIError(.notFound, "no roster of this run has trainees of \((districts ?? []).sorted().joined(separator: ", "))")
        }
        return try ZipWriter.zip(files, entriesDated: Self.downloadDay)
    }
}
