import Foundation
import Hummingbird

/// Every error the API answers with: the contract's `{"error": "…"}`, with the input problems of an upload that
/// does not read (`problems`: file, line, column, message).
struct APIError: HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var problems: [[String: JSONValue]] = []
    /// More for the page to act on (an office list's headers and values to map).
    var details: [String: JSONValue] = [:]

    init(_ status: HTTPResponse.Status, _ message: String, problems: [[String: JSONValue]] = [],
         details: [String: JSONValue] = [:]) {
        self.status = status
        self.message = message
        self.problems = problems
        self.details = details
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var object: [String: Any] = ["error": message]
        if !problems.isEmpty { object["problems"] = problems.map { $0.mapValues(\.any) } }
        for (key, value) in details { object[key] = value.any }
        return JSONResponse.make(object, status: status)
    }
}

/// Turns every error a route or Hummingbird throws into the API's shape, so that no page ever gets an empty
/// body or an HTML error where it expects JSON: an oversized upload becomes 413 with a sentence, an unknown route
/// 404, anything unexpected 500 with the error's text (and is logged).
struct ErrorShapeMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxUploadBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPResponseError {
            switch error.status {
            case .contentTooLarge:
                throw APIError(.contentTooLarge, "the upload is larger than \(maxUploadBytes / 1_000_000) MB")
            case .notFound:
                throw APIError(.notFound, "no such page or route: \(request.uri.path)")
            default:
                throw APIError(error.status, error.status.reasonPhrase)
            }
        } catch {
            context.logger.error("internal error on \(request.uri.path): \(error)")
            throw APIError(.internalServerError, "internal error: \(error)")
        }
    }
}

enum JSONResponse {
    static func make(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
