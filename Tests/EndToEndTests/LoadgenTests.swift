import Foundation
import Testing

/// `plafond loadgen` against the real intake: every declaration answered and counted, and
/// `--per-seconde` paces the provider systems (a lower bound on the time taken, which a
/// busy machine cannot break).
@Suite(.serialized)
struct LoadgenTests {
    @Test func pushesEveryDeclarationAndReportsAnswers() throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.start("intake")
        let run = try system.runCLI(["loadgen", "--aanbieders", "3", "--berichten", "4", "--regels", "50"])
        #expect(run.status == 0, "\(run.output)\n\(system.log("intake"))")
        #expect(run.output.contains("12 antwoorden (12 volledig toegekend)"), "\(run.output)")
        #expect(run.output.contains("latentie ms: p50"))
    }

    @Test func perSecondePacesTheDeclarations() throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.start("intake")
        let started = Date()
        // 2 systems, 3 each, 4 per second together: each sends every 0.5 s, the second a
        // quarter second after the first, so the last leaves 1.25 s after the first.
        let run = try system.runCLI([
            "loadgen", "--aanbieders", "2", "--berichten", "3", "--regels", "10", "--per-seconde", "4",
        ])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("6 antwoorden (6 volledig toegekend)"), "\(run.output)")
        #expect(seconds >= 1.25, "paced run took only \(seconds) s")
        let refused = try system.runCLI(["loadgen", "--per-seconde", "0"])
        #expect(refused.status != 0)
        #expect(refused.output.contains("groter dan 0"), "\(refused.output)")
    }
}
