import Fixtures
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The configuration refuses mistakes before anything starts: a misspelt key, and in
/// production the sample pseudonym key, a missing keys file or a data folder others can
/// read. What a service creates is its owner's only.
@Suite(.serialized) struct ConfigurationCheckTests {
    func write(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("plafond.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func plafond(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try RunningSystem.capture(RunningSystem.binaryFolder().appendingPathComponent("plafond"), arguments)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aMisspeltKeyIsRefusedWithASuggestionAndAGoodFileIsInOrder() throws {
        let typo = try write("[general]\ndevelopmnet = false\n[reporter]\nhtpp = \"127.0.0.1:8080\"\n")
        let refused = try plafond(["config", "check", "--config", typo.path])
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("developmnet in [general]; bedoelt u development?"), "\(refused.output)")
        #expect(refused.output.contains("htpp in [reporter]; bedoelt u http?"), "\(refused.output)")
        #expect(!refused.output.contains("USAGE"), "not a usage error: \(refused.output)")
        let shipped = RunningSystem.packageRoot.appendingPathComponent("deploy/plafond.toml")
        let good = try plafond(["config", "check", "--config", shipped.path])
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("In orde"), "\(good.output)")
    }

    @Test func productionRefusesTheSampleKeyAMissingKeysFileAndAnOpenDataFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-prod-\(UUID())")
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        chmod(data.path, 0o755)
        let file = try write(
            "[general]\ndata = \"\(data.path)\"\ndevelopment = false\npseudonym_key = \"verander-mij-in-productie\"\n")
        let refused = try plafond(["config", "check", "--config", file.path])
        #expect(refused.status == 1)
        #expect(refused.output.contains("voorbeeldsleutel"), "\(refused.output)")
        #expect(refused.output.contains("keys.json ontbreekt"), "\(refused.output)")
        #expect(refused.output.contains("sleutelring"), "\(refused.output)")
        #expect(refused.output.contains("toegankelijk voor anderen"), "\(refused.output)")
        // The service itself refuses too, and says why.
        let intake = Process()
        intake.executableURL = RunningSystem.binaryFolder().appendingPathComponent("intake")
        intake.arguments = ["--config", file.path]
        let pipe = Pipe()
        intake.standardError = pipe
        try intake.run()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        intake.waitUntilExit()
        #expect(intake.terminationStatus != 0)
        #expect(log.contains("voorbeeldsleutel"), "\(log)")
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("intake.sqlite").path))
    }

    @Test func whatIntakeCreatesInProductionIsItsOwnersOnly() async throws {
        let system = try RunningSystem(development: false)
        defer { system.shutDown() }
        let keyFile = system.folder.appendingPathComponent("12345678.sleutel.json")
        #expect(try system.runCLI(["keys", "--identiteit", "12345678", "--uit", keyFile.path]).status == 0)
        #expect(try system.runCLI(["keys", "--dienst", "intake"]).status == 0)
        try system.start("intake")
        let data = system.folder.appendingPathComponent("data")
        let store = data.appendingPathComponent("intake.sqlite").path
        #expect(await system.eventually { FileManager.default.fileExists(atPath: store + "-wal") })
        #expect(try mode(data.path) == 0o700)
        for file in [
            store, store + "-wal", store + "-shm", data.appendingPathComponent("keys.json").path,
            data.appendingPathComponent("intake-server-key.json").path, keyFile.path,
            data.appendingPathComponent("sleutels/intake.json").path,
        ] {
            let actual = try mode(file)
            #expect(actual == 0o600, "\(file) is \(String(actual, radix: 8))")
        }
    }

    @Test func everyExecutableSaysItsVersion() throws {
        for executable in ["intake", "monitor", "notifier", "reporter", "plafond"] {
            let process = Process()
            process.executableURL = RunningSystem.binaryFolder().appendingPathComponent(executable)
            process.arguments = ["--version"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "0.18.0", "\(executable): \(output)")
        }
        let changelog = try String(
            contentsOf: RunningSystem.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("## 0.18.0"), "CHANGELOG.md has no entry for the version the executables say")
    }

    /// An unreachable service is no usage error: its own exit code and a Dutch sentence.
    @Test func aServiceThatDoesNotAnswerExitsWithThree() throws {
        let port = FreePorts.take(1)[0]
        let file = try write("[monitor]\nadmin = \"tcp://127.0.0.1:\(port)\"\n")
        let result = try plafond(["norm", "list", "--config", file.path])
        #expect(result.status == 3, "\(result.output)")
        #expect(result.output.contains("Fout: geen antwoord van tcp://127.0.0.1:\(port)"), "\(result.output)")
        #expect(!result.output.contains("USAGE"), "\(result.output)")
    }
}
