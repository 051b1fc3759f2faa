import ArgumentParser
import CadreGenerator
import CadreIO
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Writes a synthetic province of about N officials as a scenario folder.")

    @Option(name: .long, help: "About how many officials.")
    var officials: Int

    @Option(name: .long, help: "Seed of the generator: the same seed gives the same files.")
    var seed: UInt64 = 2022

    @Option(name: .long, help: "The folder to write.")
    var out: String

    @Option(name: .long, help: "The map: 2022 (13 districts, 173 communes, from 1 January 2022) or 2026 (the merged province of 1 July 2025: 96 communes, from 1 January 2026).")
    var layout: ProvinceGenerator.Layout = .province2022

    @Option(name: .long, help: "The scenario's name, and its file name <name>.yaml.")
    var name = "baseline"

    func validate() throws {
        guard (10...2_000_000).contains(officials) else { throw ValidationError("--officials must be from 10 to 2000000") }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: out),
           let contents = try? FileManager.default.contentsOfDirectory(atPath: out), !contents.isEmpty {
            throw CLIError.usage("refusing to write into \(out): the folder is not empty")
        }
        let province = ProvinceGenerator(officials: officials, seed: seed, name: name, layout: layout).generate()
        do {
            try ScenarioFolder.write(province, to: out)
        } catch {
            throw OutputError(writing: out, failedWith: error)
        }
        print("\(province.scenario.officials.count) officials, \(province.communes.count) communes → \(out)")
    }
}

extension ProvinceGenerator.Layout: ExpressibleByArgument {}
