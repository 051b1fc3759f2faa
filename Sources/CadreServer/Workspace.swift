import CadreGenerator
import CadreIO
import Foundation

/// The folder a workspace lives in. Everything the server keeps is inside it, so copying the folder backs it up:
///
///     DIR/scenarios/<name>/   one scenario as on disk (its YAML and the files it names)
///     DIR/runs/<id>/          the outputs of one run, exactly as the command line writes them
///     DIR/uploads/<id>/       files given to a run (a re-plan's actuals)
///     DIR/workspace.sqlite    runs, sessions and the audit trail
///     DIR/.staging/           uploads being checked; emptied at start
public struct Workspace: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    var scenarios: URL { root.appendingPathComponent("scenarios", isDirectory: true) }
    var runs: URL { root.appendingPathComponent("runs", isDirectory: true) }
    var uploads: URL { root.appendingPathComponent("uploads", isDirectory: true) }
    var staging: URL { root.appendingPathComponent(".staging", isDirectory: true) }
    var database: URL { root.appendingPathComponent("workspace.sqlite") }

    /// The sample provinces a new workspace starts with, so that a planner can press Plan before uploading
    /// anything: the province of the 2022 resolution (`cadreplan generate --officials 5300 --seed 2022`) and the
    /// merged province since 1 July 2025 that a school plans from 2026 (`--officials 3600 --seed 2026 --layout
    /// 2026 --name baseline-2026`), the same folders as `Scenarios/`.
    static let samples: [(name: String, province: @Sendable () -> ProvinceGenerator)] = [
        ("quang-ngai-2022", { ProvinceGenerator(officials: 5_300, seed: 2022) }),
        ("quang-ngai-2026", { ProvinceGenerator(officials: 3_600, seed: 2026, name: "baseline-2026", layout: .province2026) }),
    ]

    /// Makes the folders; a workspace without a scenarios folder is new and gets the sample provinces.
    func prepare(withSample: Bool) throws {
        let files = FileManager.default
        let isNew = !files.fileExists(atPath: scenarios.path)
        for folder in [scenarios, runs, uploads] {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try? files.removeItem(at: staging)
        try files.createDirectory(at: staging, withIntermediateDirectories: true)
        if isNew && withSample {
            for sample in Self.samples {
                try ScenarioFolder.write(sample.province().generate(), to: scenarioFolder(sample.name).path)
            }
        }
    }

    func scenarioFolder(_ name: String) -> URL { scenarios.appendingPathComponent(name, isDirectory: true) }
    func runFolder(_ id: Int64) -> URL { runs.appendingPathComponent(String(id), isDirectory: true) }
    func uploadFolder(_ id: Int64) -> URL { uploads.appendingPathComponent(String(id), isDirectory: true) }

    /// Names of the scenarios on disk, sorted.
    func scenarioNames() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return entries.filter { Self.isValidName($0) && scenarioFile($0) != nil }.sorted()
    }

    /// The workspace scenario at the end of a scenario's `extends` chain (itself when it extends none): the
    /// variants of one province, however made, share it. The chain is the command line's own reading of it.
    func rootScenario(of name: String) -> String {
        guard let file = scenarioFile(name) else { return name }
        var root = name
        for path in ScenarioLoader.chain(path: file.path).dropFirst() {
            guard let base = scenarioName(ofFile: path) else { break }
            root = base
        }
        return root
    }

    /// The workspace scenario whose folder holds the scenario YAML file at `path`; nil for a file elsewhere.
    func scenarioName(ofFile path: String) -> String? {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        let folder = file.deletingLastPathComponent()
        guard folder.deletingLastPathComponent().path == scenarios.standardizedFileURL.path,
              file.pathExtension == "yaml" || file.pathExtension == "yml" else { return nil }
        return folder.lastPathComponent
    }

    /// The scenario file of a folder: `<name>.yaml`, else the only YAML in it, else `baseline.yaml`
    /// (a folder the generator wrote holds one YAML; one uploaded may hold variants beside its baseline).
    func scenarioFile(_ name: String) -> URL? {
        guard Self.isValidName(name) else { return nil }
        return Self.scenarioFile(in: scenarioFolder(name), name: name)
    }

    static func scenarioFile(in folder: URL, name: String) -> URL? {
        let yamls = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        for preferred in ["\(name).yaml", "\(name).yml"] where yamls.contains(preferred) {
            return folder.appendingPathComponent(preferred)
        }
        if yamls.count == 1 { return folder.appendingPathComponent(yamls[0]) }
        if yamls.contains("baseline.yaml") { return folder.appendingPathComponent("baseline.yaml") }
        return nil
    }

    /// A name a user gives to a scenario becomes a folder name: letters (Vietnamese ones too), digits, `-` and
    /// `_`, and dots inside; never a path, a hidden file or something too long to show.
    static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 64, !name.hasPrefix("."), !name.hasSuffix(".") else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar)
        } && !name.contains("..")
    }
}
