import CadreIO
import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import NIOHTTP1

/// One part of a multipart form.
struct UploadedPart: Sendable {
    var name: String
    /// The file name the browser gave, untrusted: only its last component is ever used, after checking.
    var filename: String?
    var data: Data

    var text: String { String(decoding: data, as: UTF8.self) }
}

/// Parses a multipart form with MultipartKit's parser.
enum MultipartForm {
    static let maxParts = 200

    static func parts(of body: ByteBuffer, contentType: String?) throws -> [UploadedPart] {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = parameter("boundary", in: contentType), !boundary.isEmpty
        else { throw APIError(.badRequest, "expected a multipart/form-data upload") }
        let parser = MultipartParser(boundary: boundary)
        var parts: [UploadedPart] = []
        var headers = HTTPHeaders()
        var data = Data()
        var tooMany = false
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = headers.first(name: "Content-Disposition") ?? ""
            if parts.count >= maxParts {
                tooMany = true
            } else {
                parts.append(UploadedPart(name: parameter("name", in: disposition) ?? "",
                                          filename: parameter("filename", in: disposition), data: data))
            }
            headers = HTTPHeaders()
            data = Data()
        }
        do {
            try parser.execute(body)
        } catch {
            throw APIError(.badRequest, "the upload is not a well-formed multipart form")
        }
        if tooMany { throw APIError(.unprocessableContent, "an upload holds at most \(maxParts) files") }
        return parts
    }

    /// A parameter of a header value such as `form-data; name="files"; filename="a.csv"`.
    static func parameter(_ key: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var text = pair[1].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            return text
        }
        return nil
    }
}

/// Bounds on what an uploaded zip may unpack to: checked against the sizes its directory declares before anything
/// is written, and again byte by byte while unpacking, since a hostile archive can declare less than it holds.
struct ZipLimits: Sendable {
    var maxEntries = 2_000
    var maxTotalBytes: Int64 = 256 * 1_000_000
}

enum ZipUnpacker {
    /// Unpacks `data` into `folder`. Refuses absolute paths, `..`, links and anything past the limits, before
    /// writing what it refuses. Mac resource folders and hidden files are skipped.
    static func unpack(_ data: Data, into folder: URL, limits: ZipLimits) throws {
        let archive: ZipReader
        do {
            archive = try ZipReader(data)
        } catch let ZipReader.Failure.damaged(why) {
            throw APIError(.unprocessableContent, "the zip file cannot be read: \(why)")
        } catch {
            throw APIError(.unprocessableContent, "the zip file cannot be read")
        }
        guard archive.entries.count <= limits.maxEntries else {
            throw APIError(.unprocessableContent, "the zip file has more than \(limits.maxEntries) entries")
        }
        var declared: Int64 = 0
        for entry in archive.entries {
            declared += Int64(clamping: entry.uncompressedSize)
            guard declared <= limits.maxTotalBytes else {
                throw APIError(.unprocessableContent, "the zip file unpacks to more than \(limits.maxTotalBytes / 1_000_000) MB")
            }
            guard !entry.isLink else { throw APIError(.unprocessableContent, "the zip file holds a link: \(entry.path)") }
            guard safeComponents(entry.path) != nil else {
                throw APIError(.unprocessableContent, "the zip file holds an unsafe path: \(entry.path)")
            }
        }
        var written: Int64 = 0
        for entry in archive.entries where !entry.isDirectory {
            let components = safeComponents(entry.path)!
            if components.contains(where: { $0.hasPrefix(".") || $0 == "__MACOSX" }) { continue }
            let target = components.reduce(folder) { $0.appendingPathComponent($1) }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let contents: Data
            do {
                // The bound left is the whole archive's, so many entries cannot add up past it either.
                contents = try archive.contents(of: entry, limit: Int(limits.maxTotalBytes - written))
            } catch ZipReader.Failure.tooLarge {
                throw APIError(.unprocessableContent, "the zip file unpacks to more than \(limits.maxTotalBytes / 1_000_000) MB")
            } catch {
                throw APIError(.unprocessableContent, "the zip file is damaged at \(entry.path)")
            }
            written += Int64(contents.count)
            try contents.write(to: target)
        }
    }

    /// The path's components when every one is a plain name; nil for absolute paths, `..`, backslashes or NULs.
    static func safeComponents(_ path: String) -> [String]? {
        guard !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return nil }
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return components
    }
}

/// A file name from a browser reduced to a plain name in a folder: its last component, which must be a name
/// (no hidden files, no separators) with one of the endings a scenario uses.
enum UploadedFileName {
    static let endings = ["yaml", "yml", "csv", "xlsx"]

    static func checked(_ given: String?) throws -> String {
        let last = (given ?? "").replacingOccurrences(of: "\\", with: "/").split(separator: "/").last.map(String.init) ?? ""
        guard !last.isEmpty, !last.hasPrefix("."), last.count <= 128, !last.contains("\0"),
              endings.contains((last as NSString).pathExtension.lowercased())
        else {
            throw APIError(.unprocessableContent, "“\(given ?? "")” is not a scenario file (expected \(endings.joined(separator: ", ")) or one .zip)")
        }
        return last
    }
}
