import ArgumentParser
import CadreServer
import Foundation

extension Role: ExpressibleByArgument {}

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Adds, removes and lists the accounts of a shared workspace (cadreplan serve --users FILE).",
        subcommands: [Add.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adds an account (or replaces its password, role and districts). The password is asked twice on a "
                + "terminal, or read as one line from standard input; only its bcrypt hash is stored.")

        @Argument(help: "The user's name.")
        var name: String

        @Option(name: .long, help: "planner (uploads, edits, runs) or viewer (reads runs and downloads).")
        var role: Role

        @Option(name: .long, help: "For a viewer: the districts whose officials they see, comma-separated.")
        var districts: String?

        @Option(name: .long, help: "The users file.")
        var users: String

        func run() throws {
            let districtList = (districts ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if role == .planner && !districtList.isEmpty {
                throw CLIError.usage("--districts limits a viewer; a planner sees every district")
            }
            let password = try PasswordPrompt.read()
            try UsersFile(path: URL(fileURLWithPath: users)).add(name: name, role: role, districts: districtList, password: password)
            print("\(name): \(role.rawValue)\(districtList.isEmpty ? "" : " of " + districtList.joined(separator: ", ")) in \(users)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Removes an account.")

        @Argument(help: "The user's name.")
        var name: String

        @Option(name: .long, help: "The users file.")
        var users: String

        func run() throws {
            try UsersFile(path: URL(fileURLWithPath: users)).remove(name: name)
            print("\(name) removed from \(users)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lists the accounts (names, roles, districts; never passwords).")

        @Option(name: .long, help: "The users file.")
        var users: String

        func run() throws {
            let all = try UsersFile(path: URL(fileURLWithPath: users)).users()
            for user in all {
                print([user.name, user.role.rawValue, user.districts.joined(separator: ",")].joined(separator: "\t"))
            }
        }
    }
}

/// A password typed twice with the terminal's echo off, or one line of standard input for scripts.
enum PasswordPrompt {
    static func read() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw CLIError.usage("no password on standard input") }
            return line
        }
        let first = try ask("Password: ")
        let second = try ask("Password again: ")
        guard first == second else { throw CLIError.usage("the two passwords differ; nothing was changed") }
        return first
    }

    private static func ask(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CLIError.usage("no password given") }
        return line
    }
}
