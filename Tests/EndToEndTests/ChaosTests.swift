import Domain
import Fixtures
import Foundation
import GRDB
import Messaging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The whole system under load while a random service is SIGKILLed and restarted, 20
/// times (seeded): afterwards every approved line is stored once, every norm's spend is
/// the sum of the approved lines to the cent, every threshold crossing has exactly one
/// alert, and every alert reached the SMTP server under one Message-ID.
///
/// The short version runs in the suite; `PLAFOND_CHAOS_KILLS=200` makes it long.
@Suite(.serialized)
struct ChaosTests {
    static var kills: Int { Int(ProcessInfo.processInfo.environment["PLAFOND_CHAOS_KILLS"] ?? "") ?? 20 }

    /// Polls without suspending: this test owns its thread and blocks on processes anyway.
    func poll(timeout: TimeInterval, _ condition: () throws -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? condition()) == true { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return (try? condition()) == true
    }

    /// Sends one declaration until an answer arrives, resending the same bytes after a
    /// lost reply (intake killed): an identical resend is answered from the store.
    func deliver(_ document: Data, port: Int, context: ZMQContext) throws -> String {
        for _ in 0..<20 {
            let socket = try ZMQSocket(context, .dealer)
            defer { socket.close() }
            try socket.setReceiveTimeout(4_000)
            try socket.connect("tcp://127.0.0.1:\(port)")
            _ = try socket.send([Data(), document])
            if let reply = try socket.receive(), let answer = reply.parts.last {
                return String(decoding: answer, as: UTF8.self)
            }
        }
        throw E2EError("no answer after 20 attempts")
    }

    @Test func killingRandomServicesLosesAndDoublesNothing() throws {
        let system = try RunningSystem(notifierSettings: "group_interval = \"0s\"\nretry_base = \"1s\"")
        defer { system.shutDown() }
        try system.startSMTP()
        try system.startAll()
        let month = Day.today().month.previous
        // Three norms whose 70/90/100% are crossed at different points of the run.
        let limits: [Int64] = [2_000_000, 5_000_000, 8_000_000]
        for (index, limit) in limits.enumerated() {
            let added = try system.runCLI([
                "norm", "add", "--naam", "Chaos \(index)", "--soort", "signaalplafond", "--gemeente", "0268",
                "--periode", "\(month.year)", "--grens", Money(cents: limit).dutch,
            ])
            #expect(added.status == 0, "\(added.output)")
        }

        var generator = SeededGenerator(seed: 20_261_123)
        let services = ["intake", "monitor", "notifier", "reporter"]
        let declarations = Self.kills * 4
        let context = ZMQContext()
        defer { context.terminate() }
        var approvedCents: Int64 = 0
        var approvedLines = 0
        var killed = 0
        for n in 0..<declarations {
            let lines = (0..<10).map { i in
                JW323Fixture.Line(
                    referentie: "CH-\(n)-\(i)", toewijzing: String(n * 10 + i), month: month, volume: Int64(1 + i % 4),
                    tariefCents: 2_000 + Int64(n % 7))
            }
            let document = JW323Fixture(
                identificatie: "CHAOS-\(n)", dagtekening: Day.today(), declaratieNummer: "DN-CHAOS-\(n)",
                periode: month, clients: [("999900006", lines)]
            ).data
            var victim: String?
            if n % 4 == 3 && killed < Self.kills {
                victim = services[Int(generator.next() % UInt64(services.count))]
            }
            if victim == "intake" {
                // Killed while the declaration is on its way or being stored.
                let socket = try ZMQSocket(context, .dealer)
                try socket.connect("tcp://127.0.0.1:\(system.ports.intake)")
                _ = try socket.send([Data(), document])
                usleep(UInt32(generator.next() % 30_000))
                socket.close()
            }
            if let victim {
                _ = system.stop(victim, signal: SIGKILL)
                try system.start(victim)
                killed += 1
            }
            let answer = try deliver(document, port: system.ports.intake, context: context)
            #expect(answer.contains("RetourCode>8001<"), "declaration \(n): \(answer)")
            if answer.contains("RetourCode>8001<") {
                approvedCents += lines.reduce(0) { $0 + $1.bedragCents }
                approvedLines += lines.count
            }
        }
        #expect(killed == Self.kills)

        // 1. Every approved line is stored once.
        let intakeStore = try DatabaseQueue(path: system.folder.appendingPathComponent("data/intake.sqlite").path)
        let stored = try intakeStore.read { db in
            try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(amountCents), 0) AS cents FROM line")
        }
        #expect(stored?["n"] == approvedLines)
        #expect(stored?["cents"] == approvedCents)

        // 2. Each norm's spend is the sum over the approved lines, to the cent; 3. each
        // crossing has exactly one alert.
        var statuses: [[String: Any]] = []
        let settled = poll(timeout: 90) {
            let list = try system.runCLI(["norm", "list", "--json"])
            statuses = (try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]]) ?? []
            return statuses.count == limits.count && statuses.allSatisfy { ($0["value"] as? Int) == Int(approvedCents) }
        }
        #expect(
            settled, "monitor: \(statuses.map { $0["value"] ?? "?" }) of \(approvedCents)\n\(system.log("monitor"))")
        let alertList = try system.runCLI(["alert", "list", "--json"])
        let alerts = (try JSONSerialization.jsonObject(with: Data(alertList.output.utf8)) as? [[String: Any]]) ?? []
        let actual = alerts.filter { $0["alertKind"] as? String == "actual" }
        var expectedCrossings: Set<String> = []
        for (index, limit) in limits.enumerated() {
            for threshold in [70, 90, 100] where approvedCents * 100 >= limit * Int64(threshold) {
                expectedCrossings.insert("\(index + 1)/\(threshold)")
            }
        }
        let fired = actual.map { "\($0["normID"] as? Int ?? 0)/\($0["threshold"] as? Int ?? 0)" }
        #expect(fired.count == Set(fired).count, "an alert fired twice: \(fired.sorted())")
        #expect(Set(fired) == expectedCrossings)
        #expect(expectedCrossings.count >= 4, "the run is meant to cross several thresholds")

        // 4. Every alert reached the SMTP server, each under one Message-ID only.
        let alertIDs = Set(alerts.compactMap { $0["id"] as? Int })
        var idsByAlert: [Int: Set<String>] = [:]
        let delivered = poll(timeout: 90) {
            idsByAlert = [:]
            for mail in system.mails() {
                let headers = mail.components(separatedBy: "\r\n\r\n").first ?? ""
                let lines = headers.components(separatedBy: "\r\n")
                guard let id = lines.first(where: { $0.hasPrefix("Message-ID: ") }),
                    let covered = lines.first(where: { $0.hasPrefix("X-Plafond-Meldingen: ") })
                else { continue }
                for alert in covered.dropFirst(21).split(separator: ",").compactMap({
                    Int($0.trimmingCharacters(in: .whitespaces))
                }) {
                    idsByAlert[alert, default: []].insert(id)
                }
            }
            return alertIDs.isSubset(of: Set(idsByAlert.keys))
        }
        #expect(delivered, "alerts without mail: \(alertIDs.subtracting(idsByAlert.keys).sorted())")
        for (alert, ids) in idsByAlert {
            #expect(ids.count == 1, "alert \(alert) arrived under \(ids.count) Message-IDs")
        }
    }
}
