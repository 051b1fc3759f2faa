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

public enum UsersFileError: Error, CustomStringConvertible, Sendable, Equatable {
    case notAUsersFile(path: String)
    case invalidName(String)
    case passwordTooShort(minimum: Int)
    case noSuchUser(String, path: String)
    /// The file system turned the write down: not the user's input, and nothing was changed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notAUsersFile(path): "\(path) is not a users file written by cadreplan users add"
        case let .invalidName(name): "a user name is letters, digits, ., - and _ (at most 64), not “\(name)”"
        case let .passwordTooShort(minimum): "the password must have at least \(minimum) characters"
        case let .noSuchUser(name, path): "\(path) has no user “\(name)”"
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        }
    }
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
            throw UsersFileError.notAUsersFile(path: path.path)
        }
    }

    public func add(name: String, role: Role, districts: [String], password: String) throws {
        guard Self.isValidName(name) else {
            throw UsersFileError.invalidName(name)
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw UsersFileError.passwordTooShort(minimum: Self.minimumPasswordLength)
        }
        var all = try users().filter { $0.name != name }
        all.append(WorkspaceUser(name: name, role: role, districts: districts.sorted(), hash: Bcrypt.hash(password, cost: Self.cost)))
        try save(all)
    }

    public func remove(name: String) throws {
        let all = try users()
        guard all.contains(where: { $0.name == name }) else { throw UsersFileError.noSuchUser(name, path: path.path) }
        try save(all.filter { $0.name != name })
    }

    private func save(_ users: [WorkspaceUser]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Stored(users: users.sorted { $0.name < $1.name }))
        let folder = path.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw UsersFileError.cannotWrite(path: path.path, reason: "its folder cannot be made")
        }
        let temporary = folder.appendingPathComponent(".\(path.lastPathComponent).\(UUID().uuidString)")
        // Readable by its owner only: hashes are slow to crack, not impossible.
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw UsersFileError.cannotWrite(path: path.path, reason: "the folder refused a new file")
        }
        guard rename(temporary.path, path.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw UsersFileError.cannotWrite(path: path.path, reason: reason)
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
