import ArgumentParser
import Foundation
import Runtime

/// `plafond config check --config FILE`: reads the file as every service would and says
/// what a service would refuse, without starting anything.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "De configuratie controleren.", subcommands: [ConfigCheckCommand.self])
}

struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Het configuratiebestand controleren zonder iets te starten (0: in orde, 1: afgekeurd).")

    @Option(name: .long, help: "Het TOML-bestand.") var config: String
    @Option(name: .long, help: "De datamap van één dienst (zoals in zijn systemd-unit), anders [general] data.")
    var data: String?

    func run() async throws {
        var loaded: PlafondConfiguration
        do {
            loaded = try ConfigurationLoader.load(path: config)
            if let data { loaded.general.dataDirectory = data }
        } catch let error as RuntimeError {
            FileHandle.standardError.write(Data("Afgekeurd: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let problems = ProductionReadiness.problems(loaded, service: nil)
        guard problems.isEmpty else {
            FileHandle.standardError.write(
                Data(("Afgekeurd, buiten ontwikkelmodus:\n" + problems.map { "- \($0)\n" }.joined()).utf8))
            throw ExitCode(1)
        }
        let mode = loaded.general.development ? "ontwikkelmodus" : "productie"
        print("In orde: \(config) (\(mode), data in \(loaded.general.dataDirectory))")
    }
}
