import Domain
import Fixtures
import Foundation
import Messaging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Outside development mode every ZeroMQ socket is a CURVE server: the event logs read
/// only by the services' and operators' keys in the keyring, the admin sockets answering
/// only operators (and the reporter, for the workplace's commands). Once the user
/// `nobody` could end a norm over the loopback admin socket.
@Suite(.serialized)
struct CurveEverywhereTests {
    @Test func aProductionSystemOnOneHostAnswersOnlyTheKeysItKnows() async throws {
        let system = try RunningSystem(development: false)
        defer { system.shutDown() }
        let keys = try ProductionKeys.make(for: system)
        try system.startSMTP()
        try system.startAll()
        let month = ProductionKeys.month(1)

        // The operator's CLI, with its own key, adds a norm.
        let added = try system.runCLI(
            [
                "norm", "add", "--naam", "Alles bij 0268", "--soort", "signaalplafond", "--gemeente", "0268",
                "--periode", "\(month.year)", "--grens", "€ 100,00",
            ], environment: keys.operatorEnvironment)
        #expect(added.status == 0, "\(added.output)\n\(system.log("monitor"))")

        // A provider's declaration flows intake → monitor → notifier (a mail) and reporter, all over CURVE.
        let file = system.folder.appendingPathComponent("jw323.xml")
        try JW323Fixture(
            identificatie: "CURVE-ALL-1", dagtekening: Day.today(), declaratieNummer: "DN-CA-1", periode: month,
            clients: [("999900006", [.init(referentie: "RN-CA-1", month: month, volume: 2, tariefCents: 6_420)])]
        ).data.write(to: file)
        let submitted = try system.runCLI(["submit", "--sleutel", keys.provider.path, file.path])
        #expect(submitted.status == 0, "\(submitted.output)")
        let shown = await system.eventually {
            let show = try system.runCLI(["norm", "show", "1"], environment: keys.operatorEnvironment)
            return show.output.contains("€ 128,40 van € 100,00")
        }
        #expect(shown, "\(system.log("monitor"))")
        #expect(await system.eventually(timeout: 30) { !system.mails().isEmpty }, "\(system.log("notifier"))")
        #expect(
            await system.eventually(timeout: 30) {
                let metrics = try await system.httpGet("/metrics")
                return String(decoding: metrics.body, as: UTF8.self)
                    .contains(#"plafond_eventlog_consumer_lag{log="intake"} 0"#)
            }, "\(system.log("reporter"))")

        // A plain subscriber hears nothing while events are published; nor does an unknown key.
        let monitorLog = "tcp://127.0.0.1:\(system.ports.monitorPublish)"
        let plainHeard = try ProductionKeys.heardOnLog(monitorLog, security: .plain) {
            try ProductionKeys.submitAnother(system, keys: keys, number: 2)
        }
        #expect(plainHeard == 0)
        let stranger = try CurveKeyPair.generate()
        let strangerHeard = try ProductionKeys.heardOnLog(
            monitorLog,
            security: keys.client(of: "monitor", as: stranger)
        ) {
            try ProductionKeys.submitAnother(system, keys: keys, number: 3)
        }
        #expect(strangerHeard == 0)
        // The reporter's key does hear it: the test of the test.
        let reporterKey = try keys.serviceKey("reporter")
        let reporterHeard = try ProductionKeys.heardOnLog(
            monitorLog,
            security: keys.client(of: "monitor", as: reporterKey)
        ) {
            try ProductionKeys.submitAnother(system, keys: keys, number: 4)
        }
        #expect(reporterHeard > 0)
        #expect(system.log("monitor").contains("connection refused: unknown key"))

        // Admin commands: no answer to a plain client or an unknown key; the reporter may
        // not end a norm; an operator's CLI without its key is refused before sending.
        let monitorAdmin = "tcp://127.0.0.1:\(system.ports.monitorAdmin)"
        let endNorm = Data(#"{"command":"norm.end","normID":1,"by":"indringer","requestID":"x-1"}"#.utf8)
        #expect(try ProductionKeys.adminReply(monitorAdmin, endNorm, security: .plain) == nil)
        #expect(
            try ProductionKeys.adminReply(
                monitorAdmin, endNorm,
                security: keys.client(of: "monitor", as: stranger)) == nil)
        let asReporter = try ProductionKeys.adminReply(
            monitorAdmin, endNorm,
            security: keys.client(of: "monitor", as: reporterKey))
        #expect(asReporter.map { String(decoding: $0, as: UTF8.self) }?.contains("geen toegang") == true)
        let keyless = try system.runCLI(
            ["norm", "end", "1", "--door", "iemand"],
            environment: ["PLAFOND_SLEUTEL": system.folder.appendingPathComponent("geen.json").path])
        #expect(keyless.status == 1 && keyless.output.contains("beheerderssleutel"), "\(keyless.output)")

        // Another local user cannot command the monitor, not even pointing at the operator's key.
        if getuid() == 0 {
            let asNobody = try RunningSystem.capture(
                URL(fileURLWithPath: "/usr/bin/setpriv"),
                [
                    "--reuid=65534", "--regid=65534", "--clear-groups",
                    system.binaries.appendingPathComponent("plafond").path, "norm", "end", "1", "--door", "nobody",
                    "--config", system.configurationFile.path,
                ], environment: keys.operatorEnvironment)
            #expect(asNobody.status != 0, "\(asNobody.output)")
        }
        let norm = try system.runCLI(["norm", "show", "1"], environment: keys.operatorEnvironment)
        #expect(norm.status == 0 && norm.output.contains("Norm 1 (versie 1): Alles bij 0268"), "\(norm.output)")
        #expect(!norm.output.contains("beëindigd"), "ended by someone without the right: \(norm.output)")
    }
}
