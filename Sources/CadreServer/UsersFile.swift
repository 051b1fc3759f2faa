import Foundation
import HummingbirdBcrypt

/// What a user may do: a planner uploads, edits, runs, stops and deletes; a viewer reads runs and downloads.
public enum Role: String, Sendable, CaseIterable, Codable {
    case planner, viewer
}

/// One account of the workspace. Only the bcrypt hash of the password is kept.
public struct WorkspaceUser: Sendable, Codable, Equatable {
    public var name: String
    public var role: Role
    /// A viewer with districts sees only those districts' officials; empty: every district.
    public var districts: [String]
    public var hash: String

    public var isDistrictViewer: Bool { role == .viewer && !districts.isEmpty }
}

public struct UsersFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The users file given with `--users`: JSON, replaced whole through a temporary file and a rename, so that a
/// crash while `users add` writes leaves the old file or the new one, never half of either. The server reads it
/// again whenever it changes, so accounts added while it runs take effect at once.
public struct UsersFile: Sendable {
    public let path: URL
    /// bcrypt's cost: 2^10 rounds, about 60 ms a check here — slow enough against guessing, quick enough for
    /// a script signing in with HTTP Basic on every request.
    static let cost: UInt8 = 10
    public static let minimumPasswordLength = 8

    public init(path: URL) { self.path = path }

    public func users() throws -> [WorkspaceUser] {
        guard FileManager.default.fileExists(atPath: path.path) else { return [] }
        let data = try Data(contentsOf: path)
        do {
            return try JSONDecoder().decode(Stored.self, from: data).users
        } catch {
            throw UsersFileError(description: "\(path.path) is not a users file written by cadreplan users add")
        }
    }

    public func add(name: String, role: Role, districts: [String], password: String) throws {
        guard Self.isValidName(name) else {
            throw UsersFileError(description: "a user name is letters, digits, ., - and _ (at most 64), not “\(name)”")
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw UsersFileError(description: "the password must have at least \(Self.minimumPasswordLength) characters")
        }
        var all = try users().filter { $0.name != name }
        all.append(WorkspaceUser(name: name, role: role, districts: districts.sorted(), hash: Bcrypt.hash(password, cost: Self.cost)))
        try save(all)
    }

    public func remove(name: String) throws {
        let all = try users()
        guard all.contains(where: { $0.name == name }) else { throw UsersFileError(description: "\(path.path) has no user “\(name)”") }
        try save(all.filter { $0.name != name })
    }

    private func save(_ users: [WorkspaceUser]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Stored(users: users.sorted { $0.name < $1.name }))
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = path.deletingLastPathComponent().appendingPathComponent(".\(path.lastPathComponent).\(UUID().uuidString)")
        // Readable by its owner only: hashes are slow to crack, not impossible.
        FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        guard rename(temporary.path, path.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw UsersFileError(description: "cannot write \(path.path): \(String(cString: strerror(errno)))")
        }
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)
        }
    }

    private struct Stored: Codable {
        var users: [WorkspaceUser]
    }
}
