import Domain
import Fixtures
import Foundation
import Messaging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The event log's promise under SIGKILL: a consumer (monitor) killed at random moments,
/// between receiving events and committing them, applies every event exactly once.
@Suite(.serialized)
struct ConsumerCrashTests {
    @Test func monitorKilledRepeatedlyCountsEveryLineExactlyOnce() async throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.start("intake")
        try system.start("monitor")
        let month = Day.today().month.previous
        let added = try system.runCLI([
            "norm", "add", "--naam", "Alles bij 0268", "--soort", "signaalplafond", "--gemeente", "0268",
            "--periode", "\(month.year)", "--grens", "€ 10.000.000,00",
        ])
        #expect(added.status == 0, "\(added.output)")

        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .dealer)
        defer { socket.close() }
        try socket.setReceiveTimeout(15_000)
        try socket.connect("tcp://127.0.0.1:\(system.ports.intake)")

        var expected: Int64 = 0
        let declarations = 60
        for n in 0..<declarations {
            // Ten lines per declaration, amounts that differ so a double count shows.
            let lines = (0..<10).map { i in
                JW323Fixture.Line(
                    referentie: "RN-\(n)-\(i)", toewijzing: String(n * 10 + i), month: month, volume: Int64(1 + i),
                    tariefCents: 1_000 + Int64(n))
            }
            expected += lines.reduce(0) { $0 + $1.bedragCents }
            let fixture = JW323Fixture(
                identificatie: "CRASH-\(n)", dagtekening: Day.today(), declaratieNummer: "DN-CRASH-\(n)",
                periode: month,
                clients: [("999900006", lines)])
            _ = try socket.send([Data(), fixture.data])
            let reply = try #require(try socket.receive(), "no answer for declaration \(n)")
            #expect(String(decoding: reply.parts.last ?? Data(), as: UTF8.self).contains("8001"))
            if n % 12 == 5 {
                // Kill monitor while it is applying, then bring it back.
                #expect(system.stop("monitor", signal: SIGKILL) != nil)
                try system.start("monitor")
            }
        }

        var value: Int64 = -1
        let level = await system.eventually(timeout: 60) {
            let list = try system.runCLI(["norm", "list", "--json"])
            guard list.status == 0, let data = list.output.data(using: .utf8),
                let statuses = try JSONSerialization.jsonObject(with: data) as? [[String: Any]],
                let first = statuses.first, let current = first["value"] as? Int
            else { return false }
            value = Int64(current)
            return value == expected
        }
        #expect(level, "monitor counted \(value) cents, intake approved \(expected)\n\(system.log("monitor"))")
    }
}
