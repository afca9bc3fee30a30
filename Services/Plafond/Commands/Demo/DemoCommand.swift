import ArgumentParser
import Contracts
import Domain
import Foundation
import LocalSystem
import Runtime

/// `plafond demo`: the whole job in one command. Starts the four services on a fresh
/// folder with an SMTP sink, loads the region's providers and norms (deterministic from
/// the seed), replays this year's monthly declarations up to last month, reacts as a
/// contract manager would (a stop imposed on advice and lifted later, an exemption), and
/// prints what happens as it happens: alerts, advice, stops, inflow during a stop.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Een jaar jeugdhulp in de regio Rijk van Nijmegen, in één commando.")

    @Option(name: .customLong("seed"), help: "Zelfde seed, zelfde regio en declaraties.") var seed: UInt64 = 2026
    @Flag(name: .customLong("snel"), help: "Zo snel als het systeem kan (standaard).") var fast = false
    @Flag(name: .customLong("realtime"), help: "Eén zorgmaand per vijf seconden, om mee te kijken.") var realtime =
        false
    @Option(name: .customLong("pauze"), help: "Seconden tussen de maanden (overschrijft --snel/--realtime).")
    var pause: Double?
    @Option(name: .customLong("map"), help: "Map voor data, e-mail en logs (standaard een nieuwe tijdelijke map).")
    var folder: String?
    @Option(
        name: .customLong("poort"), help: "Eerste poort; de diensten gebruiken de 90 erna (dashboard op +80: 8080).")
    var basePort = 8000
    @Option(name: .customLong("smtp-sink"), help: "Het SMTP-opvangscript (aiosmtpd).")
    var smtpSink = "Tests/Support/smtp_sink.py"
    @Flag(name: .customLong("stop-na-afloop"), help: "Alles stoppen als het jaar is afgespeeld.") var stopWhenDone =
        false
    @Option(
        name: .customLong("api-token"),
        help: "Het API-token van de reporter ([reporter] token); zonder is de API op loopback open.")
    var apiToken: String?

    func validate() throws {
        if fast && realtime { throw ValidationError("kies --snel of --realtime") }
        // The token goes into the TOML file between quotes and into a header as it is.
        if let apiToken, apiToken.isEmpty || !apiToken.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw ValidationError("--api-token: letters en cijfers, niet leeg")
        }
        guard (1_024...65_000).contains(basePort) else { throw ValidationError("--poort tussen 1024 en 65000") }
    }

    func run() async throws {
        let folderURL = URL(
            fileURLWithPath: folder ?? NSTemporaryDirectory() + "plafond-demo-\(Int(Date().timeIntervalSince1970))")
        try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        let system = DemoSystem(folder: folderURL, basePort: basePort, apiToken: apiToken)
        try system.writeConfiguration()
        let configuration = try ConfigurationLoader.load(path: system.configurationFile.path)
        let sink = try system.startSMTPSink(script: smtpSink)
        defer { sink?.terminate() }
        let supervisor = try ChildSupervisor(
            programs: ["intake", "monitor", "notifier", "reporter"],
            arguments: ["--config", system.configurationFile.path], logFolder: folderURL)
        // Ctrl-C, SIGTERM or a closed terminal during the replay stops the services and
        // the sink with it; installed after they started (they would inherit ignoring).
        let interrupt = StopOnSignals { [supervisor, sink] in
            supervisor.stopAll()
            sink?.terminate()
        }
        defer { interrupt.cancel() }
        do {
            try await replay(system: system, configuration: configuration, supervisor: supervisor)
        } catch {
            // Stopped children make the replay fail: the signal's exit goes first.
            interrupt.yieldToSignal()
            supervisor.stopAll()
            throw error
        }
        if stopWhenDone {
            supervisor.stopAll()
            interrupt.yieldToSignal()
            return
        }
        DemoOutput.say("Plafond draait door; stoppen met Ctrl-C.")
        interrupt.cancel()
        throw ExitCode(supervisor.runUntilSignal())
    }

    /// The year, from the services coming up to the addresses to look at.
    private func replay(system: DemoSystem, configuration: PlafondConfiguration, supervisor: ChildSupervisor)
        async throws
    {
        DemoOutput.say("Plafond-demo in \(system.folder.path) (logs, data en e-mail)")
        guard await system.wait(seconds: 30, { (try? await system.get("/api/norms").status) == 200 }) else {
            throw ValidationError("de reporter kwam niet op (zie \(system.folder.path)/reporter.log)")
        }
        var run = DemoRun(
            system: system, configuration: configuration, setting: DemoSetting(seed: seed),
            today: Day.today(), seed: seed, pauseSeconds: pause ?? (realtime ? 5 : 0))
        try await run.play(supervisor: supervisor)
        let login = try DemoLogin.create(configuration: configuration)
        DemoOutput.say("")
        DemoOutput.say("Dashboard:  http://\(system.httpAddress)/")
        DemoOutput.say("Inloggen: \(login.name) / \(login.password)")
        DemoOutput.say(
            "Rapportage: http://\(system.httpAddress)/rapport?regio=Rijk%20van%20Nijmegen&periode=\(Day.today().year)")
        DemoOutput.say("E-mail:     \(system.mails) berichten in \(system.mailFolder.path)")
    }
}
