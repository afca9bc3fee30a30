import Domain
import Fixtures
import Foundation
import LocalSystem
import Messaging
import Testing

/// The four services in production mode on four "hosts" (network namespaces joined by a
/// bridge), no `--insecure` anywhere: the flow works end to end over CURVE, while a
/// plain subscriber or an unknown key from another namespace gets nothing.
@Suite(.serialized)
struct NetworkNamespaceTests {
    @Test(
        .enabled(if: NamespacedHosts.unavailableReason == nil, "\(NamespacedHosts.unavailableReason ?? "")"))
    func fourHostsTalkOnlyCURVEAndOnlyToKnownKeys() async throws {
        let hosts = NamespacedHosts()
        defer { hosts.tearDown() }
        try hosts.setUp()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-netns-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binaries = RunningSystem.binaryFolder()
        let plafond = binaries.appendingPathComponent("plafond")
        var configs: [String: URL] = [:]
        for service in NamespacedHosts.services {
            let file = folder.appendingPathComponent("\(service).toml")
            try configuration(hosts: hosts, data: folder.appendingPathComponent(service), keyring: folder)
                .write(to: file, atomically: true, encoding: .utf8)
            configs[service] = file
            let made = try RunningSystem.capture(plafond, ["keys", "--dienst", service, "--config", file.path])
            #expect(made.status == 0, "\(made.output)")
        }
        let operatorKey = folder.appendingPathComponent("jan.sleutel.json")
        let providerKey = folder.appendingPathComponent("12345678.sleutel.json")
        for arguments in [
            ["keys", "--beheerder", "jan", "--uit", operatorKey.path, "--config", configs["monitor"]!.path],
            ["keys", "--identiteit", "12345678", "--uit", providerKey.path, "--config", configs["intake"]!.path],
        ] {
            let made = try RunningSystem.capture(plafond, arguments)
            #expect(made.status == 0, "\(made.output)")
        }
        let mail = folder.appendingPathComponent("mail")
        hosts.adopt(
            try SMTPSinkProcess.start(
                script: RunningSystem.packageRoot.appendingPathComponent("Tests/Support/smtp_sink.py").path,
                port: 2525, mailFolder: mail, log: folder.appendingPathComponent("smtp.log"),
                launcher: ["ip", "netns", "exec", hosts.namespace("notifier")]))
        for service in NamespacedHosts.services {
            try hosts.run(
                in: service, binaries.appendingPathComponent(service), ["--config", configs[service]!.path],
                log: folder.appendingPathComponent("\(service).log"))
        }
        func log(_ service: String) -> String {
            (try? String(contentsOf: folder.appendingPathComponent("\(service).log"), encoding: .utf8)) ?? ""
        }
        func cli(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try RunningSystem.capture(
                plafond, arguments + ["--config", configs["monitor"]!.path],
                environment: ["PLAFOND_SLEUTEL": operatorKey.path])
        }
        func eventually(timeout: TimeInterval = 30, _ condition: () throws -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if (try? condition()) == true { return true }
                Thread.sleep(forTimeInterval: 0.2)
            }
            return false
        }

        // The operator, from the test's own namespace, adds a norm on the monitor's host.
        let month = ProductionKeys.month(1)
        let added = try cli([
            "norm", "add", "--naam", "Alles bij 0268", "--soort", "signaalplafond", "--gemeente", "0268",
            "--periode", "\(month.year)", "--grens", "€ 100,00",
        ])
        #expect(added.status == 0, "\(added.output)\n\(log("monitor"))")

        // A provider submits to intake's host; monitor, notifier and reporter follow.
        let declaration = folder.appendingPathComponent("jw323.xml")
        try JW323Fixture(
            identificatie: "NETNS-1", dagtekening: Day.today(), declaratieNummer: "DN-NS-1", periode: month,
            clients: [("999900006", [.init(referentie: "RN-NS-1", month: month, volume: 2, tariefCents: 6_420)])]
        ).data.write(to: declaration)
        let submitted = try RunningSystem.capture(
            plafond, ["submit", "--sleutel", providerKey.path, declaration.path])
        #expect(submitted.status == 0, "\(submitted.output)\n\(log("intake"))")
        #expect(
            eventually { try cli(["norm", "show", "1"]).output.contains("€ 128,40 van € 100,00") },
            "\(log("monitor"))")
        #expect(
            eventually { !((try? FileManager.default.contentsOfDirectory(atPath: mail.path)) ?? []).isEmpty },
            "the alert mail: \(log("notifier"))")
        #expect(
            eventually {
                let metrics = try hosts.capture(in: "reporter", ["curl", "-s", "http://127.0.0.1:8080/metrics"]).output
                return metrics.contains(#"plafond_eventlog_consumer_lag{log="intake"} 0"#)
                    && metrics.contains(#"plafond_eventlog_consumer_lag{log="monitor"} 0"#)
                    && metrics.contains(#"plafond_eventlog_consumer_cursor{log="intake"} 0"#) == false
            }, "\(log("reporter"))")

        // From another namespace: a plain subscriber hears nothing, an unknown key cannot command.
        let monitorLog = "tcp://\(hosts.address("monitor")):5581"
        let heard = try ProductionKeys.heardOnLog(monitorLog, security: .plain) {
            let file = folder.appendingPathComponent("jw323-2.xml")
            try JW323Fixture(
                identificatie: "NETNS-2", dagtekening: Day.today(), declaratieNummer: "DN-NS-2",
                periode: ProductionKeys.month(2),
                clients: [
                    (
                        "999900006",
                        [.init(referentie: "RN-NS-2", month: ProductionKeys.month(2), volume: 1, tariefCents: 6_420)]
                    )
                ]
            ).data.write(to: file)
            let again = try RunningSystem.capture(plafond, ["submit", "--sleutel", providerKey.path, file.path])
            guard again.status == 0 else { throw E2EError("second submit: \(again.output)") }
        }
        #expect(heard == 0)
        let monitorPublic =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("monitor/sleutels/monitor.json")))
            as? [String: String]
        let stranger = try CurveKeyPair.generate()
        let endNorm = Data(#"{"command":"norm.end","normID":1,"by":"indringer","requestID":"netns-1"}"#.utf8)
        for security in [
            SocketSecurity.plain,
            .curveClient(
                serverPublicKey: monitorPublic?["publicKey"] ?? "", publicKey: stranger.publicKey,
                secretKey: stranger.secretKey),
        ] {
            #expect(
                try ProductionKeys.adminReply("tcp://\(hosts.address("monitor")):5580", endNorm, security: security)
                    == nil)
        }
        let shown = try cli(["norm", "show", "1"])
        #expect(shown.status == 0 && !shown.output.contains("beëindigd"), "\(shown.output)")
        #expect(log("monitor").contains("connection refused: unknown key"))
    }

    func configuration(hosts: NamespacedHosts, data: URL, keyring: URL) -> String {
        let intake = hosts.address("intake")
        let monitor = hosts.address("monitor")
        let notifier = hosts.address("notifier")
        let reporter = hosts.address("reporter")
        return """
            [general]
            data = "\(data.path)"
            development = false
            pseudonym_key = "netwerknaamruimten-test-sleutel"
            keyring_file = "\(keyring.appendingPathComponent("sleutelring.json").path)"

            [intake]
            endpoint = "tcp://\(intake):5570"
            events_publish = "tcp://\(intake):5571"
            events_catchup = "tcp://\(intake):5572"
            metrics = "127.0.0.1:9570"

            [monitor]
            admin = "tcp://\(monitor):5580"
            events_publish = "tcp://\(monitor):5581"
            events_catchup = "tcp://\(monitor):5582"
            metrics = "127.0.0.1:9580"

            [notifier]
            admin = "tcp://\(notifier):5590"
            events_publish = "tcp://\(notifier):5591"
            events_catchup = "tcp://\(notifier):5592"
            metrics = "127.0.0.1:9590"
            smtp_url = "smtp://127.0.0.1:2525"
            from = "plafond@nijmegen.example"
            dashboard_url = "https://plafond.nijmegen.example"
            recipients = [{ name = "Contractmanager Jeugd", email = "contractmanager@nijmegen.example" }]

            [reporter]
            http = "127.0.0.1:8080"
            admin = "tcp://\(reporter):5600"
            """
    }
}
