import CadreServer
import Foundation
import HummingbirdTesting
import NIOCore
import XCTest
import ZIPFoundation

/// A workspace in a temporary folder served by a `WorkspaceServer` whose engine is `FakeEngine`: the routes are
/// tested without a socket and without solving, the runs quick and predictable.
struct WorkspaceHarness {
    let root: URL
    let engine: URL
    var configuration: ServerConfiguration

    init(maxUploadBytes: Int = 5_000_000, slots: Int = 2) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        engine = root.appendingPathComponent("fake-cadreplan")
        try Data(FakeEngine.script.utf8).write(to: engine)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        configuration = ServerConfiguration(workspace: root.appendingPathComponent("workspace"), host: "127.0.0.1", port: 8080,
                                            engine: engine, maxUploadBytes: maxUploadBytes, solveSlots: slots, version: "test")
    }

    var workspace: URL { configuration.workspace }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The repository's `Scenarios/` folder.
    static let scenarios: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    /// The small scenario's folder as a zip with one top-level folder, as a planner would make it.
    static func smallZip(editing edit: ((String, inout Data) -> Void)? = nil) throws -> Data {
        let folder = scenarios.appendingPathComponent("small")
        var files: [(String, Data)] = []
        for name in ["small.yaml", "officials.csv", "courses.csv", "targets.csv"] {
            var data = try Data(contentsOf: folder.appendingPathComponent(name))
            edit?(name, &data)
            files.append(("small/\(name)", data))
        }
        return try zip(files)
    }

    static func zip(_ files: [(String, Data)], symlink: String? = nil) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        if let symlink {
            let target = Data("/etc/passwd".utf8)
            try archive.addEntry(with: symlink, type: .symlink, uncompressedSize: Int64(target.count)) { position, size in
                target.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }
}

/// A multipart form body.
struct Multipart {
    let boundary = "----cadreplan-test-\(UUID().uuidString)"
    private var body = Data()

    mutating func field(_ name: String, _ value: String) {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }

    mutating func file(_ name: String, filename: String, _ data: Data) {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var bytes: ByteBuffer {
        var closed = body
        closed.append(Data("--\(boundary)--\r\n".utf8))
        return ByteBuffer(bytes: closed)
    }
}

/// JSON of a test response.
extension TestResponse {
    var json: Any? { body.readableBytes == 0 ? nil : try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }
}

func jsonBody(_ object: Any) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
}

/// A stand-in for `cadreplan` that behaves as the contract says a solving command does — progress lines on standard
/// error, the output folder written whole at the end, SIGINT → the best plan written and exit 2 — without
/// solving. What it does depends on the command:
/// - `plan`: five progress lines 0.05 s apart, then a plan with a gap reached (exit 0);
/// - `sweep`: progress until stopped (at most 30 s), then the plan so far with `stopped_by: stop_request` (exit 2);
/// - `min-budget`: fails like a solver failure (exit 3, a message on standard error);
/// - `replan`: copies its actuals and reorganisation files into the output, to show the uploads reached it.
enum FakeEngine {
    static let script = #"""
        #!/usr/bin/env bash
        command="$1"; shift
        out=""; actuals=""; reorganisation=""; warm=""
        while [ $# -gt 0 ]; do
          case "$1" in
            --out) out="$2"; shift ;;
            --actuals) actuals="$2"; shift ;;
            --reorganisation) reorganisation="$2"; shift ;;
            --warm-start) warm="$2"; shift ;;
          esac
          shift
        done
        stopped=0
        trap 'stopped=1' INT
        echo '{"elapsed": 0.0, "phase": "reading", "best": null, "bound": null, "gap": null}' >&2
        if [ "$command" = "min-budget" ]; then
          echo "cadreplan: GLPK: the relaxation failed" >&2
          echo '{"event": "done", "exit": 3, "status": "failed", "objective": null, "gap": null, "error": "cadreplan: GLPK: the relaxation failed"}' >&2
          exit 3
        fi
        steps=5
        [ "$command" = "sweep" ] && steps=600
        i=1
        while [ $i -le $steps ] && [ $stopped -eq 0 ]; do
          echo "{\"elapsed\": $i.0, \"phase\": \"shortfall\", \"best\": $((200 - i)), \"bound\": 100, \"gap\": 0.$((50 - i % 40))}" >&2
          sleep 0.05
          i=$((i + 1))
        done
        stage="${out%/}.new"
        mkdir -p "$stage/rosters/districts"
        echo "paper" > "$stage/rosters/2023_TC-LLCT.xlsx"
        echo "Ba To paper" > "$stage/rosters/districts/Ba_To.xlsx"
        echo "Son Ha paper" > "$stage/rosters/districts/Son_Ha.xlsx"
        by=gap; code=0
        if [ $stopped -eq 1 ]; then by=stop_request; code=2; fi
        [ -n "$warm" ] && printf '%s' "$warm" > "$stage/warm-start.txt"
        printf '{"gap": 0.001, "objective": 195, "scenario": "fake", "status": "optimal", "stopped_by": "%s", "total_cost": 1000}\n' "$by" > "$stage/summary.json"
        printf '\xef\xbb\xbfofficial_id,full_name,gender,birth_year,title,commune,district\nA1,Nguyễn Văn An,male,1970,Chủ tịch,Xã Một,Ba Tơ\nB1,Trần Thị Bình,female,1980,Bí thư,Xã Hai,Sơn Hà\n' > "$stage/rosters/2023_TC-LLCT.csv"
        printf '\xef\xbb\xbfofficial_id,full_name,gender,birth_year,title,commune,district\nB2,Lê Văn Cường,male,1975,Phó Bí thư,Xã Hai,Sơn Hà\n' > "$stage/rosters/2024_QLNN-CV.csv"
        printf '\xef\xbb\xbfyear,official_id,full_name,district\n' > "$stage/schedule.csv"
        for n in $(seq 1 120); do printf '2023,X%03d,Người %d,Ba Tơ\n' "$n" "$n" >> "$stage/schedule.csv"; done
        echo "plan" > "$stage/plan.xlsx"
        [ -n "$actuals" ] && cp "$actuals" "$stage/actuals-used.csv"
        [ -n "$reorganisation" ] && cp "$reorganisation" "$stage/reorganisation-used.csv"
        rm -rf "$out"; mv "$stage" "$out"
        echo "Status: optimal"
        echo "{\"event\": \"done\", \"exit\": $code, \"status\": \"optimal\", \"objective\": 195, \"gap\": 0.001, \"stopped_by\": \"$by\"}" >&2
        exit $code
        """#
}
