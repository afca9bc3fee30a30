import Contracts
import Domain
import Fixtures
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What an operator's Prometheus and load balancer see, checked against what was sent:
/// `/metrics` once answered 0 bytes on monitor and intake's accepted-lines counter stayed
/// 0 after 46,381 accepted lines; there was no health or readiness endpoint.
@Suite(.serialized) struct MetricsAndHealthTests {
    let notify = NotifierDeliveryTests()

    func get(_ port: Int, _ path: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// The value of one sample in Prometheus text: `name{labels} value`, labels in any order.
    func sample(_ text: String, _ name: String, _ labels: [String: String] = [:]) -> Double? {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            let series = line[..<space]
            let seriesName = series.split(separator: "{").first.map(String.init) ?? String(series)
            guard seriesName == name else { continue }
            let matches = labels.allSatisfy { series.contains("\($0.key)=\"\($0.value)\"") }
            if matches { return Double(line[line.index(after: space)...]) }
        }
        return nil
    }

    @Test func metricsAndReadinessSayWhatHappened() async throws {
        let system = try RunningSystem(notifierSettings: "group_interval = \"1s\"")
        defer { system.shutDown() }
        // Monitor alone: alive, but not ready (no word from intake's log).
        try system.start("monitor")
        #expect(await system.eventually { try await get(system.ports.monitorMetrics, "/healthz").status == 200 })
        let lonely = try await get(system.ports.monitorMetrics, "/readyz")
        #expect(lonely.status == 503 && lonely.body.contains("FAIL consumer intake"), "\(lonely.body)")

        try system.startSMTP()
        for service in ["intake", "notifier", "reporter"] { try system.start(service) }
        #expect(await system.eventually { try await system.httpGet("/api/norms").status == 200 })
        try notify.addNorm(system)
        try notify.declare(system, 1, cents: 75_000)
        try notify.declare(system, 2, cents: 20_000)
        try notify.declare(system, 3, cents: 10_000)
        #expect(try system.submit(Data("geen xml".utf8)).contains("GEEN_IJW"))
        #expect(
            await system.eventually(timeout: 30) {
                try notify.auditLog(system).flatMap(\.notifications).count >= 3
                    && notify.auditLog(system).flatMap(\.notifications).allSatisfy { $0.state == "sent" }
            })

        let ports = [
            "intake": system.ports.intakeMetrics, "monitor": system.ports.monitorMetrics,
            "notifier": system.ports.notifierMetrics,
        ]
        for (service, port) in ports {
            let ready = await system.eventually { try await get(port, "/readyz").status == 200 }
            let body = (try? await get(port, "/readyz").body) ?? ""
            #expect(ready, "\(service) not ready: \(body)")
        }
        // Reporter answers on its HTTP port, without a login or token.
        #expect(try await get(system.ports.http, "/healthz").status == 200)
        let reporterReady = await system.eventually { try await get(system.ports.http, "/readyz").status == 200 }
        let reporterChecks = (try? await get(system.ports.http, "/readyz").body) ?? ""
        #expect(reporterReady, "reporter not ready: \(reporterChecks)")
        let reporter = try await get(system.ports.http, "/metrics").body
        #expect(reporter.contains("plafond_eventlog_consumer_lag{log=\"monitor\"} 0"), "\(reporter)")
        #expect(reporter.contains("http_route=\"/api/norms\""), "request latency by route: \(reporter.prefix(3000))")
        let intake = try await get(system.ports.intakeMetrics, "/metrics").body
        #expect(sample(intake, "plafond_events_published_total", ["kind": "line.accepted"]) == 3, "\(intake)")
        #expect(sample(intake, "plafond_intake_answers_total") == 4)
        #expect(sample(intake, "plafond_intake_retourcodes_total", ["code": "8001"]) == 3)
        #expect(sample(intake, "plafond_intake_retourcodes_total", ["code": "GEEN_IJW"]) == 1)
        #expect(sample(intake, "plafond_intake_answer_seconds_count") == 4)
        #expect(sample(intake, "plafond_build_info", ["service": "intake", "version": "0.18.0"]) == 1)
        #expect((sample(intake, "plafond_store_bytes", ["file": "database"]) ?? 0) > 0)
        let intakeHead = try #require(sample(intake, "plafond_eventlog_head"))
        #expect(intakeHead >= 3)

        let alerts = try system.runCLI(["alert", "list", "--json"])
        let fired = try AdminCoding.decode([AlertStatus].self, from: Data(alerts.output.utf8))
        let monitor = try await get(system.ports.monitorMetrics, "/metrics").body
        #expect(!fired.isEmpty)
        #expect(sample(monitor, "plafond_events_published_total", ["kind": "alert.firing"]) == Double(fired.count))
        #expect(sample(monitor, "plafond_eventlog_consumer_cursor", ["log": "intake"]) == intakeHead)
        #expect(sample(monitor, "plafond_eventlog_consumer_lag", ["log": "intake"]) == 0)

        // Alerts of one norm that arrive together share one message: count messages.
        let sent = Set(
            try notify.auditLog(system).flatMap(\.notifications).filter { $0.state == "sent" }.compactMap(\.messageID)
        ).count
        let notifier = try await get(system.ports.notifierMetrics, "/metrics").body
        #expect(sample(notifier, "plafond_events_published_total", ["kind": "notification.sent"]) == Double(sent))
        #expect(sample(notifier, "plafond_eventlog_consumer_lag", ["log": "monitor"]) == 0)
    }
}
