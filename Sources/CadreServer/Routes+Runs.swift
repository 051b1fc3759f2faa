import CadreIO
import Foundation
import Hummingbird

extension WorkspaceServer {
    func addRunRoutes(_ router: Router<WorkspaceContext>) {
        router.get("/api/runs") { _, _ in
            let positions = await self.runs.queuePositions()
            var listed: [[String: Any]] = []
            for record in try self.database.runs() {
                listed.append(await self.runJSON(record, position: positions[record.id], withCurve: false))
            }
            return JSONResponse.make(listed)
        }

        router.post("/api/runs") { request, context in
            let (json, files) = try await self.runSubmission(request)
            let runRequest = try RunRequest(json: json, workspace: self.workspace)
            if runRequest.command == .replan, files.actuals == nil {
                throw APIError(.badRequest, "replan needs the actuals file (a part named actuals)")
            }
            if runRequest.command != .replan, !files.isEmpty {
                throw APIError(.badRequest, "only a replan takes files (actuals, reorganisation)")
            }
            let id = try await self.runs.submit(runRequest, user: self.user(context), files: files)
            self.database.audit(user: self.user(context), action: "run", target: "run \(id)",
                                detail: "\(runRequest.command.rawValue) \(runRequest.scenario) \(JSONText.string(runRequest.options.mapValues(\.any)))")
            return JSONResponse.make(["id": String(id)], status: .accepted)
        }

        router.get("/api/runs/:id") { _, context in
            let record = try self.record(context)
            return JSONResponse.make(await self.runJSON(record, position: await self.runs.queuePosition(record.id), withCurve: true))
        }

        router.get("/api/runs/:id/events") { _, context in
            let record = try self.record(context)
            let events = try await self.runs.events(record.id)
            let body = ResponseBody { writer in
                // A comment first, so that the page knows at once that the stream is open.
                try await writer.write(ByteBuffer(string: ": run \(record.id)\n\n"))
                for await event in events {
                    try await writer.write(ByteBuffer(string: event.text))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
        }

        router.post("/api/runs/:id/stop") { _, context in
            let record = try self.record(context)
            guard try await self.runs.stop(record.id) else {
                throw APIError(.conflict, "run \(record.id) has already ended (\(record.state.rawValue))")
            }
            self.database.audit(user: self.user(context), action: "stop", target: "run \(record.id)")
            return JSONResponse.make(["id": String(record.id), "stopping": true], status: .accepted)
        }

        router.delete("/api/runs/:id") { _, context in
            let record = try self.record(context)
            guard await !self.runs.isActive(record.id) else {
                throw APIError(.conflict, "run \(record.id) is \(record.state.rawValue): stop it first")
            }
            try self.database.deleteRun(record.id)
            for folder in [self.workspace.runFolder(record.id), self.workspace.uploadFolder(record.id)] {
                try? FileManager.default.removeItem(at: folder)
            }
            self.database.audit(user: self.user(context), action: "delete", target: "run \(record.id)")
            return JSONResponse.make(["id": String(record.id)])
        }

        router.get("/api/runs/:id/files") { _, context in
            let record = try self.record(context)
            var files = RunFiles.listing(self.workspace.runFolder(record.id))
            if let districts = context.identity.districts { files = files.filter { RunFiles.districtView($0, districts: districts) != .refused } }
            return JSONResponse.make(files)
        }

        router.get("/api/runs/:id/files/**") { _, context in
            let record = try self.record(context)
            let relative = try RunFiles.relativePath(context.parameters.getCatchAll())
            let file = try RunFiles.resolve(relative, in: self.workspace.runFolder(record.id))
            let data: Data
            if let districts = context.identity.districts {
                switch RunFiles.districtView(relative, districts: districts) {
                case .refused: throw APIError(.forbidden, "\(relative) names officials of every district; ask a planner for it")
                case .whole: data = try Data(contentsOf: file)
                case .rowsOfDistricts: data = try await self.tables.filtered(file, column: "district", values: districts).data
                }
            } else {
                data = try Data(contentsOf: file)
            }
            self.database.audit(user: self.user(context), action: "download", target: "run \(record.id)", detail: relative)
            return RunFiles.response(data, name: file.lastPathComponent)
        }

        router.get("/api/runs/:id/rosters.zip") { request, context in
            let record = try self.record(context)
            let district = request.uri.queryParameters.get("district")
            var districts = district.map { Set([$0]) }
            if let allowed = context.identity.districts {
                if let district, !allowed.contains(district) { throw APIError(.forbidden, "you see the rosters of \(allowed.sorted().joined(separator: ", ")) only") }
                districts = districts ?? allowed
            }
            let data = try await RunFiles.rosters(of: self.workspace.runFolder(record.id), districts: districts, tables: self.tables)
            self.database.audit(user: self.user(context), action: "download", target: "run \(record.id)",
                                detail: "rosters.zip" + (district.map { " (\($0))" } ?? ""))
            let name = district.map { "rosters-\(record.id)-\(FileNames.safe($0, fallback: "district")).zip" } ?? "rosters-\(record.id).zip"
            return Response(status: .ok, headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }

        // One page of a CSV of the run as JSON: `offset`, `limit` (at most 500), `q` (text anywhere), `district`.
        router.get("/api/runs/:id/table/**") { request, context in
            let record = try self.record(context)
            let relative = try RunFiles.relativePath(context.parameters.getCatchAll())
            guard relative.hasSuffix(".csv") else { throw APIError(.badRequest, "tables are CSV files") }
            let file = try RunFiles.resolve(relative, in: self.workspace.runFolder(record.id))
            let query = request.uri.queryParameters
            var filter = CSVPages.Filter(text: query.get("q"))
            if let district = query.get("district") {
                filter.column = "district"
                filter.values = [district]
            }
            if let allowed = context.identity.districts {
                switch RunFiles.districtView(relative, districts: allowed) {
                case .refused: throw APIError(.forbidden, "\(relative) names officials of every district")
                case .whole: break
                case .rowsOfDistricts:
                    filter.column = "district"
                    filter.values = filter.values.isEmpty ? allowed : filter.values.intersection(allowed)
                }
            }
            let page = try await self.tables.page(of: file, offset: query.get("offset", as: Int.self) ?? 0,
                                                  limit: min(500, query.get("limit", as: Int.self) ?? 50), filter: filter)
            return JSONResponse.make(["columns": page.columns, "rows": page.rows, "total": page.total])
        }
    }

    private func record(_ context: WorkspaceContext) throws -> RunRecord {
        let given = try context.parameters.require("id")
        guard let id = Int64(given), let record = try database.run(id) else { throw APIError(.notFound, "no run \(given)") }
        return record
    }

    private func runJSON(_ record: RunRecord, position: Int?, withCurve: Bool) async -> [String: Any] {
        var object = record.json(workspace: workspace, queuePosition: position)
        let live = await runs.liveProgress(record.id)
        if let progress = live?.progress.flatMap(JSONText.object) { object["progress"] = progress }
        if withCurve {
            if let live {
                object["curve"] = live.curve.map { $0.map { $0 ?? NSNull() as Any } }
            } else {
                object["curve"] = record.curve.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } ?? []
            }
            if let output = record.output { object["output"] = output }
        }
        return object
    }

    /// `POST /api/runs` as JSON, or as a multipart form (fields `scenario`, `command`, `options` as JSON text, and
    /// the file parts `actuals` and `reorganisation` of a re-plan).
    private func runSubmission(_ request: Request) async throws -> (json: [String: Any], files: RunUploads) {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/") else { return (try await jsonBody(of: request), RunUploads()) }
        let parts = try MultipartForm.parts(of: try await body(of: request), contentType: contentType)
        var json: [String: Any] = [:]
        for field in ["scenario", "command"] {
            if let part = parts.first(where: { $0.name == field }) { json[field] = part.text }
        }
        if let options = parts.first(where: { $0.name == "options" }), !options.data.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: options.data) as? [String: Any] else {
                throw APIError(.badRequest, "options must be a JSON object")
            }
            json["options"] = object
        }
        func file(_ role: String) throws -> RunUploads.File? {
            try parts.first(where: { $0.name == role && !$0.data.isEmpty }).map { part in
                RunUploads.File(name: try UploadedFileName.checked(part.filename), data: part.data)
            }
        }
        return (json, RunUploads(actuals: try file("actuals"), reorganisation: try file("reorganisation")))
    }
}
