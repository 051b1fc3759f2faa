import Foundation
import Hummingbird
import CadreIO

extension WorkspaceServer {
    func addScenarioRoutes(_ router: Router<WorkspaceContext>) {
        router.get("/api/scenarios") { _, _ in
            await self.catalog.listingResponse()
        }

        router.post("/api/scenarios") { request, context in
            let parts = try MultipartForm.parts(of: try await self.body(of: request), contentType: request.headers[.contentType])
            let name = parts.first { $0.name == "name" }?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let files = parts.filter { $0.name == "files" && !$0.data.isEmpty }
            var mapping: [String: Any]?
            if let part = parts.first(where: { $0.name == "mapping" }), !part.data.isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: part.data) as? [String: Any] else {
                    throw APIError(.badRequest, "mapping must be a JSON object with columns, values and titles")
                }
                mapping = object
            }
            try self.store.install(name: name, files: files, mapping: mapping)
            await self.catalog.forget(name)
            self.database.audit(user: self.user(context), action: "upload", target: "scenario \(name)",
                                detail: files.compactMap(\.filename).joined(separator: ", "))
            return JSONResponse.make(["name": name], status: .created)
        }

        router.get("/api/scenarios/:name") { _, context in
            let name = try context.parameters.require("name")
            guard let details = await self.catalog.detailsResponse(name) else { throw APIError(.notFound, "no scenario named “\(name)”") }
            return details
        }

        router.delete("/api/scenarios/:name") { _, context in
            let name = try context.parameters.require("name")
            try self.store.delete(name)
            await self.catalog.forget(name)
            self.database.audit(user: self.user(context), action: "delete", target: "scenario \(name)")
            return JSONResponse.make(["name": name])
        }

        router.post("/api/scenarios/:name/variants") { request, context in
            let base = try context.parameters.require("name")
            let json = try await self.jsonBody(of: request)
            let name = try self.store.makeVariant(of: base, json: json)
            self.database.audit(user: self.user(context), action: "edit", target: "scenario \(name)",
                                detail: "variant of \(base): \(JSONText.string(json))")
            return JSONResponse.make(["name": name], status: .created)
        }

        // The scenario's own files as a zip, to take home or upload elsewhere.
        router.get("/api/scenarios/:name/scenario.zip") { _, context in
            let name = try context.parameters.require("name")
            guard context.identity.districts == nil else { throw APIError(.forbidden, "a scenario's files name officials of every district") }
            guard self.workspace.scenarioFile(name) != nil else { throw APIError(.notFound, "no scenario named “\(name)”") }
            let folder = self.workspace.scenarioFolder(name)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
            let data = try ZipWriter.zip(files.map { ("\(name)/\($0)", try Data(contentsOf: folder.appendingPathComponent($0))) }, entriesDated: RunFiles.downloadDay)
            self.database.audit(user: self.user(context), action: "download", target: "scenario \(name)", detail: "scenario.zip")
            return Response(status: .ok, headers: [.contentType: "application/zip",
                                                   .contentDisposition: "attachment; filename=\"\(name).zip\""],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
