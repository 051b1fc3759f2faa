import CadreIO
import Foundation
import Yams

/// Adds, derives and removes the scenarios of a workspace. A scenario enters `scenarios/` only whole and only
/// once it reads cleanly: an upload is unpacked into `.staging/`, checked with the command line's readers, and
/// renamed into place.
struct ScenarioStore: Sendable {
    let workspace: Workspace
    let zipLimits: ZipLimits

    /// Installs an upload: one `.zip` of a scenario folder, or the YAML with its files. `mapping` is what the
    /// planner answered for an office list's headers and values the readers could not place
    /// (`{"columns": {header: column}, "values": {column: {value: level}}, "titles": {title: category}}`); it is
    /// written into the scenario file as its `columns:`, `values:` and `titles:` keys, so it stays with the scenario.
    func install(name: String, files: [UploadedPart], mapping: [String: Any]? = nil) throws {
        guard Workspace.isValidName(name) else {
            throw APIError(.badRequest, "a scenario name is letters, digits, - and _ (at most 64), not “\(name)”")
        }
        guard !FileManager.default.fileExists(atPath: workspace.scenarioFolder(name).path) else {
            throw APIError(.conflict, "a scenario named “\(name)” exists already")
        }
        guard !files.isEmpty else { throw APIError(.badRequest, "no files: send one .zip or the YAML with its files as parts named files") }
        let staging = workspace.staging.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }

        if files.count == 1, (files[0].filename ?? "").lowercased().hasSuffix(".zip") {
            try ZipUnpacker.unpack(files[0].data, into: staging, limits: zipLimits)
            try liftSingleFolder(staging)
        } else {
            for file in files {
                let fileName = try UploadedFileName.checked(file.filename)
                try file.data.write(to: staging.appendingPathComponent(fileName))
            }
        }
        guard let scenarioFile = Workspace.scenarioFile(in: staging, name: name) else {
            let yamls = Self.yamlFiles(in: staging)
            throw APIError(.unprocessableContent, yamls.isEmpty
                ? "the upload has no scenario file (.yaml)"
                : "the upload has several scenario files (\(yamls.joined(separator: ", "))): name the main one \(name).yaml or baseline.yaml")
        }
        try checkPathsStayInside(staging)
        if let mapping { try ListMapping.append(mapping, to: scenarioFile) }
        do {
            let loaded = try ScenarioLoader.load(path: scenarioFile.path)
            let outside = loaded.files.all.filter { !Self.isInside($0, staging) }
            guard outside.isEmpty else {
                throw APIError(.unprocessableContent, "the scenario names files outside its folder")
            }
        } catch let error as InputError {
            throw APIError(.unprocessableContent, "the scenario does not read: \(error.errors.count) problem(s)",
                           problems: error.problems.map { Self.problemValue($0, staging) },
                           details: ListMapping.questions(scenarioFile: scenarioFile, folder: staging, mapping: mapping))
        }
        do {
            try FileManager.default.moveItem(at: staging, to: workspace.scenarioFolder(name))
        } catch {
            throw APIError(.conflict, "a scenario named “\(name)” exists already")
        }
    }

    /// A zip of one folder unpacks into that folder; its content is what the scenario is.
    private func liftSingleFolder(_ staging: URL) throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: staging.path).filter { !$0.hasPrefix(".") }
        var isFolder: ObjCBool = false
        guard entries.count == 1, FileManager.default.fileExists(atPath: staging.appendingPathComponent(entries[0]).path, isDirectory: &isFolder),
              isFolder.boolValue else { return }
        let inner = staging.appendingPathComponent(entries[0])
        for item in try FileManager.default.contentsOfDirectory(atPath: inner.path) {
            try FileManager.default.moveItem(at: inner.appendingPathComponent(item), to: staging.appendingPathComponent(item))
        }
        try FileManager.default.removeItem(at: inner)
    }

    /// No value of an uploaded YAML may lead out of its folder: the readers would open whatever it names, and
    /// their messages would show the server's files.
    private func checkPathsStayInside(_ folder: URL) throws {
        for file in Self.yamlFiles(in: folder) {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            guard let node = try? Yams.compose(yaml: text) else { continue }  // the reader reports the syntax
            if let bad = Self.scalars(of: node).first(where: Self.leadsOutside) {
                throw APIError(.unprocessableContent, "\(file) names “\(bad)”, which is outside the scenario's folder",
                               problems: [["file": .string(file), "line": .null, "column": .null,
                                           "message": .string("“\(bad)” is outside the scenario's folder")]])
            }
        }
    }

    private static func scalars(of node: Node) -> [String] {
        switch node {
        case .scalar(let scalar): [scalar.string]
        case .mapping(let mapping): mapping.flatMap { scalars(of: $0.key) + scalars(of: $0.value) }
        case .sequence(let sequence): sequence.flatMap(scalars(of:))
        default: []
        }
    }

    private static func leadsOutside(_ value: String) -> Bool {
        let slashed = value.replacingOccurrences(of: "\\", with: "/")
        return slashed.hasPrefix("/") || slashed.hasPrefix("~") || slashed == ".." || slashed.hasPrefix("../")
            || slashed.contains("/../") || slashed.hasSuffix("/..")
    }

    private static func yamlFiles(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    private static func isInside(_ path: String, _ folder: URL) -> Bool {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        return resolved.hasPrefix(root)
    }

    static func problemValue(_ problem: InputProblem, _ folder: URL) -> [String: JSONValue] {
        var value: [String: JSONValue] = [
            "file": .string(ScenarioCatalog.relativePath(problem.file, to: folder)),
            "message": .string(problem.message), "severity": .string(problem.severity.rawValue),
        ]
        value["line"] = problem.line.map { .number(Double($0)) } ?? .null
        value["column"] = problem.field.map { .string($0) } ?? .null
        if let sheet = problem.sheet { value["sheet"] = .string(sheet) }
        return value
    }

    // MARK: Variants

    /// A what-if variant: a scenario that `extends` `base` and overrides the yearly budget, seats and costs, so the
    /// command line reads it as any other. It is written only if it reads cleanly.
    func makeVariant(of base: String, json: [String: Any]) throws -> String {
        guard let baseFile = workspace.scenarioFile(base) else { throw APIError(.notFound, "no scenario named “\(base)”") }
        guard let name = json["name"] as? String, Workspace.isValidName(name) else {
            throw APIError(.badRequest, "a variant needs a name: letters, digits, - and _ (at most 64)")
        }
        guard !FileManager.default.fileExists(atPath: workspace.scenarioFolder(name).path) else {
            throw APIError(.conflict, "a scenario named “\(name)” exists already")
        }
        var lines = ["# A what-if variant made in the web workspace from \(base).", "name: \(Self.yamlString(name))",
                     "extends: \(Self.yamlString("../\(base)/\(baseFile.lastPathComponent)"))"]
        lines += try Self.section("budget", json["budget"], key: { key in
            guard let year = Int(key), (1900...2200).contains(year) else { throw APIError(.badRequest, "budget years are numbers such as 2024, not “\(key)”") }
            return String(year)
        }, value: { try Self.money($0, "budget") })
        lines += try Self.section("seats", json["seats"], key: Self.courseKey, value: { value in
            guard let number = value as? NSNumber, number.doubleValue >= 0, number.doubleValue <= 1_000_000,
                  number.doubleValue == number.doubleValue.rounded() else { throw APIError(.badRequest, "seats are whole numbers from 0") }
            return String(number.intValue)
        })
        lines += try Self.section("costs", json["costs"], key: Self.courseKey, value: { try Self.money($0, "costs") })

        let folder = workspace.scenarioFolder(name)
        // The variant is read from where it will live, since its `extends` path is relative to its folder.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let file = folder.appendingPathComponent("\(name).yaml")
        do {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
            _ = try ScenarioLoader.load(path: file.path)
        } catch let error as InputError {
            try? FileManager.default.removeItem(at: folder)
            throw APIError(.unprocessableContent, "the variant does not read: \(error.errors.count) problem(s)",
                           problems: error.problems.map { Self.problemValue($0, workspace.scenarios) })
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return name
    }

    private static func courseKey(_ key: String) throws -> String {
        guard !key.isEmpty, key.count <= 64, key.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }) else {
            throw APIError(.badRequest, "“\(key)” is not a course id")
        }
        return yamlString(key)
    }

    private static func money(_ value: Any, _ key: String) throws -> String {
        guard let number = value as? NSNumber, number.doubleValue.isFinite, number.doubleValue >= 0, number.doubleValue < 1e15 else {
            throw APIError(.badRequest, "\(key) are amounts of VND from 0")
        }
        return String(format: "%.0f", number.doubleValue.rounded(.up))
    }

    private static func section(_ title: String, _ given: Any?, key: (String) throws -> String,
                                value: (Any) throws -> String) throws -> [String] {
        guard let given else { return [] }
        guard let entries = given as? [String: Any] else { throw APIError(.badRequest, "\(title) must be an object") }
        guard !entries.isEmpty else { return [] }
        return ["\(title):"] + (try entries.sorted { $0.key < $1.key }.map { "  \(try key($0.key)): \(try value($0.value))" })
    }

    private static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    func delete(_ name: String) throws {
        guard Workspace.isValidName(name), FileManager.default.fileExists(atPath: workspace.scenarioFolder(name).path) else {
            throw APIError(.notFound, "no scenario named “\(name)”")
        }
        let dependants = workspace.scenarioNames().filter { other in
            other != name && (workspace.scenarioFile(other).flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? "")
                .contains("../\(name)/")
        }
        guard dependants.isEmpty else {
            throw APIError(.conflict, "“\(name)” is extended by \(dependants.joined(separator: ", ")): delete those first")
        }
        // Renamed aside first, so that the scenario vanishes at once even if removing its files takes a while.
        let aside = workspace.staging.appendingPathComponent(UUID().uuidString)
        try FileManager.default.moveItem(at: workspace.scenarioFolder(name), to: aside)
        try? FileManager.default.removeItem(at: aside)
    }
}
