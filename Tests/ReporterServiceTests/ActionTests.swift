import Contracts
import Domain
import Fixtures
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import Runtime
import Storage
import Testing

@testable import MonitorService
@testable import ReporterService

/// Acting from the dashboard: the request goes to the service that owns the fact (here a
/// real monitor core behind a real admin socket), with the logged-in person as `by`.
@Suite(.serialized) struct ActionTests {
    /// Runs `body` with monitor's admin socket listening at `endpoint`.
    func withMonitor(_ body: (MonitorCore, String) async throws -> Void) async throws {
        let core = try MonitorCore(
            database: .inMemory(), clock: { Date(timeIntervalSince1970: 1_775_000_000) }, logger: Logger(label: "test"))
        let endpoint = "tcp://127.0.0.1:\(FreePorts.take(1)[0])"
        let context = ZMQContext()
        defer { context.terminate() }
        let server = try AdminSocketServer(
            context: context, endpoint: endpoint, insecure: false, logger: Logger(label: "test"),
            handler: MonitorAdmin(core: core, logger: Logger(label: "test")).handle)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await body(core, endpoint)
            group.cancelAll()
        }
    }

    func post(
        _ client: some TestClientProtocol, _ path: String, _ fields: String,
        as login: (headers: HTTPFields, csrf: String)
    ) async throws -> TestResponse {
        var headers = login.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(
            uri: path, method: .post, headers: headers, body: ByteBuffer(string: "\(fields)&csrf=\(login.csrf)"))
    }

    @Test func aContractManagerImposesAndLiftsAStopThroughMonitorWithTheirName() async throws {
        try await withMonitor { monitor, endpoint in
            let norm = try monitor.addNorm(
                NormAddRequest(
                    name: "Begeleiding", kind: .bestedingsruimte, gemeenten: ["0268"], aanbieder: "12345678",
                    productCategorieen: ["45"], period: "2026", limit: 100_000)
            ).norm
            let server = try ReporterHTTPServer.forTests(
                database: try .inMemory(),
                services: OwningServices(monitorAdmin: endpoint, notifierAdmin: endpoint, timeout: .seconds(5)))
            let manager = server.login(.contractmanager, name: "J. de Vries")
            try await Application(router: server.router()).test(.router) { client in
                let imposed = try await post(
                    client, "/normen/\(norm.id)/stop-opleggen",
                    "analysegesprek=2026-03-02&reden=Wachtlijst+loopt+op", as: manager)
                #expect(imposed.status == .seeOther)
                #expect(imposed.headers[.location]?.hasPrefix("/normen/\(norm.id)?gedaan=") == true)
                let twice = try await post(client, "/normen/\(norm.id)/stop-opleggen", "reden=nogmaals", as: manager)
                // Monitor's refusal comes back in words on the page.
                #expect(twice.headers[.location]?.contains("fout=") == true)
                let lifted = try await post(
                    client, "/normen/\(norm.id)/stop-opheffen", "reden=Onder+de+grens", as: manager)
                #expect(lifted.headers[.location]?.contains("gedaan=") == true)
                let empty = try await post(client, "/normen/\(norm.id)/stop-opheffen", "reden=", as: manager)
                #expect(empty.headers[.location]?.contains("fout=") == true)
            }
            let events = try OutboxEventSource(reader: monitor.database.writer).events(after: 0, limit: 100)
            let stop = try StopImposed.decoded(
                from: try #require(events.first { $0.kind == StopImposed.kind.rawValue }).body)
            #expect(stop.by == "J. de Vries")
            #expect(stop.reason == "na het analysegesprek van 2 maart 2026: Wachtlijst loopt op")
            let lift = try StopLifted.decoded(
                from: try #require(events.first { $0.kind == StopLifted.kind.rawValue }).body)
            #expect(lift.by == "J. de Vries" && lift.reason == "Onder de grens")
        }
    }

    @Test func anAnalysegesprekIsRecordedByMonitorAndShowsOnTheTimeline() async throws {
        try await withMonitor { monitor, endpoint in
            let norm = try monitor.addNorm(
                NormAddRequest(
                    name: "Begeleiding", kind: .signaalplafond, gemeenten: ["0268"], aanbieder: "12345678",
                    period: "2026", limit: 100_000)
            ).norm
            let reporter = ReporterCore(database: try .inMemory())
            let server = try ReporterHTTPServer.forTests(
                database: reporter.database,
                services: OwningServices(monitorAdmin: endpoint, notifierAdmin: endpoint, timeout: .seconds(5)))
            let manager = server.login(.contractmanager, name: "J. de Vries")
            try await Application(router: server.router()).test(.router) { client in
                let recorded = try await post(
                    client, "/normen/\(norm.id)/analysegesprek",
                    "datum=2026-03-02&deelnemers=aanbieder%2C+beleid&conclusie=Wachtlijst&plan=Minder+instroom&vervolg=2026-04-01",
                    as: manager)
                #expect(recorded.headers[.location]?.contains("gedaan=") == true)
                let future = try await post(
                    client, "/normen/\(norm.id)/analysegesprek", "datum=2099-01-01&conclusie=x", as: manager)
                #expect(future.headers[.location]?.contains("fout=") == true)
            }
            // Monitor's event, applied to the read model, is the timeline's entry.
            let events = try OutboxEventSource(reader: monitor.database.writer).events(after: 0, limit: 100)
            try reporter.monitorSink().apply(events)
            let summaries = try await reporter.database.timeline(normID: norm.id).map(\.summary)
            #expect(
                summaries.contains(
                    "Analysegesprek van 2 maart 2026 vastgelegd door J. de Vries (met aanbieder, beleid): Wachtlijst. Plan van aanpak: Minder instroom; vervolg op 1 april 2026"
                ), "\(summaries)")
        }
    }

    @Test func anExemptionIsStoredByMonitorWithThePersonsName() async throws {
        try await withMonitor { monitor, endpoint in
            let server = try ReporterHTTPServer.forTests(
                database: try .inMemory(),
                services: OwningServices(monitorAdmin: endpoint, notifierAdmin: endpoint, timeout: .seconds(5)))
            let manager = server.login(.contractmanager, name: "J. de Vries")
            try await Application(router: server.router()).test(.router) { client in
                let done = try await post(client, "/normen/1/uitzonderen", "toewijzing=TW-77&reden=CPV", as: manager)
                #expect(done.headers[.location]?.contains("gedaan=Toewijzing%20TW-77%20uitgezonderd") == true)
                let unknown = try await post(
                    client, "/normen/1/uitzonderen", "toewijzing=TW-78&reden=Buurman", as: manager)
                // Monitor knows the routes ([uitzonderingsroutes]) and refuses a name that is none.
                #expect(
                    unknown.headers[.location]?.contains("fout=geen%20uitzonderingsroute") == true,
                    "\(unknown.headers[.location] ?? "")")
            }
            let stored = try await monitor.database.writer.read { db in
                try Row.fetchOne(db, sql: "SELECT reason, recordedBy FROM exemption WHERE toewijzingNummer = 'TW-77'")
            }
            #expect(stored?["reason"] as String? == "CPV")
            #expect(stored?["recordedBy"] as String? == "J. de Vries")
        }
    }

    @Test func anAnswerTheReporterCannotReadIsAnErrorInWordsNotACrash() async throws {
        let endpoint = "tcp://127.0.0.1:\(FreePorts.take(1)[0])"
        let context = ZMQContext()
        defer { context.terminate() }
        let garbled = try AdminSocketServer(
            context: context, endpoint: endpoint, insecure: false, logger: Logger(label: "test"),
            handler: { _ in Data("geen JSON".utf8) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await garbled.run() }
            let server = try ReporterHTTPServer.forTests(
                database: try .inMemory(),
                services: OwningServices(monitorAdmin: endpoint, notifierAdmin: endpoint, timeout: .seconds(5)))
            let manager = server.login(.contractmanager, name: "J. de Vries")
            try await Application(router: server.router()).test(.router) { client in
                let response = try await post(client, "/normen/1/stop-opleggen", "reden=x", as: manager)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.contains("fout=onverwachte%20fout") == true)
            }
            group.cancelAll()
        }
    }

    @Test func anActionWhileTheOwnerIsDownSaysSoOnThePage() async throws {
        let server = try ReporterHTTPServer.forTests(database: try .inMemory())
        let manager = server.login(.contractmanager, name: "J. de Vries")
        try await Application(router: server.router()).test(.router) { client in
            let response = try await post(client, "/normen/1/stop-opleggen", "reden=x", as: manager)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.contains("fout=de%20dienst%20antwoordt%20niet") == true)
        }
    }
}
