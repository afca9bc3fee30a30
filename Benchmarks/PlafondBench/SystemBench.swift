import ArgumentParser
import Contracts
import Domain
import Foundation
import LocalSystem
import Logging
import Messaging
import Runtime

/// The whole system on one machine: the four real services and a real SMTP server, a
/// country's norms, `--regels` lines declared by `--aanbieders` provider systems to
/// `--gemeenten` gemeenten; then monitor's lag, resident memory, the dashboard's answer
/// times and the alert latency (intake's answer → SMTP server has the mail), at rest and
/// under a steady load. Run at 1×, 10× and 100× `--regels` for the growth curve.
struct SystemBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "system",
        abstract: "Whole system: national scale, monitor lag, memory, dashboard times, alert latency.")

    @Option(help: "Lines to declare before measuring (7,000,000 is a country's year).") var regels = 70_000
    @Option(help: "Lines per declaration.") var regelsPerDeclaratie = 200
    @Option(help: "Provider systems declaring.") var aanbieders = 3_000
    @Option(help: "Gemeenten they declare to.") var gemeenten = 342
    @Option(help: "Norms besides the probes' own.") var normen = 10_000
    @Option(help: "Concurrent provider systems sending.") var zenders = 4
    @Option(help: "Steady load (lines per second) while measuring under load.") var last = 2_000
    @Option(help: "Threshold crossings timed in each phase (3 per probe provider).") var metingen = 150
    @Option(help: "Requests per dashboard page.") var verzoeken = 10
    @Option(help: "First port (the system uses the next 80).") var poort = 17_700
    @Option(help: "The SMTP sink script.") var smtpSink = "Tests/Support/smtp_sink.py"
    @Option(help: "Folder for the run's data.") var map = NSTemporaryDirectory()
    @Flag(help: "Keep the run's folder (logs, stores, mails).") var bewaar = false

    func validate() throws {
        guard regels / regelsPerDeclaratie / aanbieders < 400 else {
            throw ValidationError("at most 400 rounds of declarations per provider (message numbers)")
        }
        guard metingen >= 3, regels >= regelsPerDeclaratie else { throw ValidationError("nothing to measure") }
        // Sender c sends declarations c, c + zenders, …: with a multiple, each provider's
        // declarations go through one sender, in order, as its months must (TR318).
        guard aanbieders % zenders == 0 else { throw ValidationError("aanbieders must be a multiple of zenders") }
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: map).appendingPathComponent("plafond-system-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let system = BenchSystem(folder: folder, basePort: poort)
        let keep = bewaar
        var completed = false
        defer {
            system.stopAll()
            // A run that did not complete keeps its folder: an error names a log in it.
            if completed && !keep {
                try? FileManager.default.removeItem(at: folder)
            } else if !completed {
                print("the run's folder, with the services' logs: \(folder.path)")
            }
        }
        try system.writeConfiguration()
        try system.startSMTPSink(script: smtpSink)
        for service in BenchSystem.services { try system.start(service) }
        // Stopped early (Ctrl-C, kill), the run takes its services and sink with it;
        // installed after they started (they would inherit the signals ignored).
        let stopOnSignals = StopOnSignals {
            system.stopAll()
            print("stopped; the run's folder, with the services' logs: \(folder.path)")
        }
        defer {
            stopOnSignals.yieldToSignal()
            stopOnSignals.cancel()
        }

        let today = Day.today()
        let lastMonth = today.month.previous
        let months = (1...min(10, lastMonth.month)).map { Month(year: lastMonth.year, month: $0)! }
        let fill = NationalLoad(
            providers: aanbieders, gemeenten: gemeenten, linesPerDeclaration: regelsPerDeclaratie, months: months,
            firstMessage: 0, run: "F")
        let declarations = regels / regelsPerDeclaratie
        // The fill's rounds: the steady load continues after them (TR318).
        let fillRounds = (declarations + aanbieders - 1) / aanbieders
        guard fillRounds < fill.rounds else {
            throw BenchError(
                "\(fillRounds) rounds per provider, but \(gemeenten) gemeenten × \(months.count) months hold \(fill.rounds)"
            )
        }
        let probesPerPhase = (metingen + 2) / 3
        let probes = AlertProbes(providers: 2 * probesPerPhase, month: lastMonth)

        // Norms first (monitor's admin answers once it runs), then the event log followed.
        let norms = fill.norms(normen, totalLines: declarations * regelsPerDeclaratie, period: String(lastMonth.year))
        let imported = try await Self.onThread {
            try Self.importNorms(norms + probes.norms(), to: system.monitorAdmin)
        }
        let probeByName = Dictionary(uniqueKeysWithValues: (0..<probes.providers).map { (AlertProbes.name($0), $0) })
        var normIDs: [Int: Int64] = [:]
        for status in imported {
            if let probe = probeByName[status.norm.name] { normIDs[probe] = status.norm.id }
        }
        print("\(imported.count) norms; \(declarations) declarations of \(regelsPerDeclaratie) lines to declare")

        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let context = ZMQContext()
        defer { context.terminate() }
        let arrivals = AlertArrivals()
        let subscriber = EventLogSubscriber(
            context: context, producer: "monitor", publishEndpoint: system.monitorPublish,
            catchUpEndpoint: system.monitorCatchUp, sink: arrivals, logger: logger)
        let following = Task { try await subscriber.run() }
        defer { following.cancel() }

        // 1. The fill: as fast as intake answers, then until monitor and reporter are level.
        let fillSenders = ProviderSenders(endpoint: system.intakeEndpoint, senders: zenders)
        let fillStart = Date()
        try await Self.onThread {
            try fillSenders.run(count: declarations, interval: nil) { fill.declaration($0, today: today) }
        }
        // A fill intake refused is no fill: its figures would be of refusals (this happened
        // when intake began to refuse a ToewijzingNummer over nine digits).
        guard fillSenders.fullyApproved == declarations else {
            throw BenchError(
                "\(fillSenders.fullyApproved) of \(declarations) declarations fully approved; see intake.log in the "
                    + "run's folder")
        }
        let intakeSeconds = Date().timeIntervalSince(fillStart)
        let head = try system.intakeHead()
        var level: [String: Double] = [:]
        while level.count < 2 {
            try system.requireRunning()
            for consumer in ["monitor", "reporter"] where level[consumer] == nil {
                if try system.applied(by: consumer) >= head { level[consumer] = Date().timeIntervalSince(fillStart) }
            }
            if Date().timeIntervalSince(fillStart) > intakeSeconds + 7_200 { throw BenchError("consumers never level") }
            try await Task.sleep(for: .milliseconds(100))
        }
        // And until the notifier has mailed every alert of the fill, so the probes at rest
        // do not queue behind them.
        while try system.applied(by: "notifier", of: "monitor") < system.head(of: "monitor")
            || system.pendingNotifications() > 0
        {
            try system.requireRunning()
            try await Task.sleep(for: .milliseconds(100))
        }
        let mailed = Date().timeIntervalSince(fillStart)
        let lines = declarations * regelsPerDeclaratie
        print("")
        print("fill\tvalue")
        print("lines declared\t\(lines) (\(fillSenders.fullyApproved) of \(declarations) declarations fully approved)")
        print(
            String(format: "intake, all answered\t%.1f s (%.0f lines/s)", intakeSeconds, Double(lines) / intakeSeconds))
        print(
            String(format: "monitor level\t%.1f s (%.0f lines/s)", level["monitor"]!, Double(lines) / level["monitor"]!)
        )
        print(String(format: "reporter level\t%.1f s", level["reporter"]!))
        print(String(format: "notifier done mailing the fill's alerts\t%.1f s (%d mails)", mailed, mailCount(system)))
        printMemory(system, title: "after the fill")

        // 2. The dashboard at rest.
        let year = lastMonth.year
        let pages = DashboardTimer(
            address: system.httpAddress, reporterAdmin: system.layout.reporterAdmin,
            paths: [
                "/", "/api/norms", "/?pagina=10", "/api/norms?pagina=20", "/api/alerts?state=firing&pagina=10",
                "/?gemeente=0268", "/api/norms?gemeente=0268",
                "/api/norms/\(normIDs[0]!)", "/api/alerts?state=firing", "/api/alerts?state=firing&gemeente=0268",
                "/api/spend?van=\(year)-01&tot=\(year)-12", "/api/indicators?periode=\(year)&gemeente=0268",
                "/api/timeline", "/rapport?gemeente=0268&periode=\(year)&formaat=json",
            ])
        printPages(try await pages.measure(requests: verzoeken), title: "at rest")

        // 3. Alert latency at rest, then under a steady load from other provider systems.
        let probeRun = ProbeRun(
            system: system, probes: probes, normIDs: normIDs, arrivals: arrivals,
            mails: MailArrivals(folder: system.mailFolder))
        let atRest = try await Self.onThread { try probeRun.measure(0..<probesPerPhase, today: today) }

        let steady = NationalLoad(
            providers: aanbieders, gemeenten: gemeenten, linesPerDeclaration: regelsPerDeclaratie, months: months,
            firstMessage: 500, firstRound: fillRounds, run: "W")
        // Until the providers have declared every month to every gemeente (far beyond any run).
        let steadyCount = min(1_000_000, (steady.rounds - fillRounds) * aanbieders)
        let loadSenders = ProviderSenders(endpoint: system.intakeEndpoint, senders: zenders)
        let interval = Double(regelsPerDeclaratie * zenders) / Double(last)
        let loadStart = Date()
        let loading = Task.detached {
            try loadSenders.run(count: steadyCount, interval: interval) { steady.declaration($0, today: today) }
        }
        let backlog = BacklogSampler(system: system)
        backlog.start()
        try await Task.sleep(for: .seconds(2))
        let underLoad = try await Self.onThread {
            try probeRun.measure(probesPerPhase..<(2 * probesPerPhase), today: today)
        }
        let loadedPages = try await pages.measure(requests: max(3, verzoeken / 2))
        loadSenders.stop()
        try await loading.value
        backlog.stop()
        let loadSeconds = Date().timeIntervalSince(loadStart)
        let achieved = Double(loadSenders.answers * regelsPerDeclaratie) / loadSeconds

        print("")
        print(String(format: "alert latency, ms (p50 / p99 / max)\tat rest\tunder %.0f lines/s", achieved))
        print(
            "intake answer → monitor's alert on the log\t\(atRest.toMonitor.summaryMS)\t\(underLoad.toMonitor.summaryMS)"
        )
        print("intake answer → SMTP server has the mail\t\(atRest.toMail.summaryMS)\t\(underLoad.toMail.summaryMS)")
        print(
            String(
                format: "p99 under load vs at rest\t%.2f×\t(%d crossings each)",
                Percentiles(underLoad.toMail).at(99) / Percentiles(atRest.toMail).at(99), atRest.toMail.count))
        print("monitor backlog under load, events (p50 / p99 / max)\t\(backlog.summary)")
        printPages(loadedPages, title: "under load")
        printMemory(system, title: "at the end")
        completed = true
    }

    private func mailCount(_ system: BenchSystem) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: system.mailFolder.path)) ?? []).count
    }

    private func printMemory(_ system: BenchSystem, title: String) {
        print("")
        print("memory \(title)\tRSS MB\tpeak RSS MB\tstore MB")
        for service in BenchSystem.services {
            let memory = system.memory(service)
            print(
                "\(service)\t\(memory.now / 1_048_576)\t\(memory.peak / 1_048_576)\t\(system.storeBytes(service) / 1_048_576)"
            )
        }
    }

    private func printPages(_ results: [(path: String, times: Percentiles, bytes: Int)], title: String) {
        print("")
        print("dashboard \(title), ms (p50 / p99 / max)\tbytes\tp50 vs baseline")
        let baseline = results[0].times.at(50)
        for result in results {
            print(
                "\(result.path)\t\(result.times.summary)\t\(result.bytes)\t\(String(format: "%.1f×", result.times.at(50) / baseline))"
            )
        }
    }

    static func importNorms(_ norms: [NormAddRequest], to endpoint: String) throws -> [NormStatus] {
        // The admin protocol's client: a long import is acknowledged as queued first.
        let client = AdminClient(endpoint: endpoint)
        var statuses: [NormStatus] = []
        // In parts, so no admin message grows past what a reasonable admin call carries.
        for start in stride(from: 0, to: norms.count, by: 1_000) {
            let part = Array(norms[start..<min(start + 1_000, norms.count)])
            let request = IdentifiedAdminRequest(NormImportRequest(norms: part), requestID: UUID().uuidString)
            let reply = try AdminCoding.decode(
                AdminReply<[NormStatus]>.self, from: try client.send(AdminCoding.encode(request)))
            guard reply.ok, let result = reply.result else { throw BenchError("norm import: \(reply.error ?? "?")") }
            statuses += result
        }
        return statuses
    }

    /// Blocking work (sockets, waiting threads) off the cooperative pool, which has only
    /// as many threads as cores.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

extension Array where Element == Double {
    var summaryMS: String { Percentiles(self).summary }
}
