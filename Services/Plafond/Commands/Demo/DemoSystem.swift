import Foundation
import Runtime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The demo's running system: a fresh folder with its configuration, the SMTP sink, the
/// four services (their logs in the folder), and the reporter's HTTP API to read back.
struct DemoSystem {
    let folder: URL
    let basePort: Int
    var configurationFile: URL { folder.appendingPathComponent("plafond.toml") }
    var mailFolder: URL { folder.appendingPathComponent("mail") }
    var httpAddress: String { "127.0.0.1:\(basePort + 80)" }
    var smtpPort: Int { basePort + 25 }

    /// Ports: intake base+0…9, monitor +10…19, notifier +20…29 (SMTP sink +25), reporter +80.
    func writeConfiguration() throws {
        try FileManager.default.createDirectory(at: mailFolder, withIntermediateDirectories: true)
        let b = basePort
        let members = DemoSetting.gemeenten.map { "\"\($0.code)\"" }.joined(separator: ", ")
        try """
        # Written by `plafond demo`: a development system on loopback.
        [general]
        data = "\(folder.appendingPathComponent("data").path)"
        development = true
        pseudonym_key = "plafond-demo-\(UUID().uuidString)"
        log_level = "notice"

        [intake]
        endpoint = "tcp://127.0.0.1:\(b)"
        events_publish = "tcp://127.0.0.1:\(b + 1)"
        events_catchup = "tcp://127.0.0.1:\(b + 2)"
        metrics = "127.0.0.1:\(b + 9)"

        [monitor]
        admin = "tcp://127.0.0.1:\(b + 10)"
        events_publish = "tcp://127.0.0.1:\(b + 11)"
        events_catchup = "tcp://127.0.0.1:\(b + 12)"
        metrics = "127.0.0.1:\(b + 19)"
        # The demo replays a year in minutes: a month of care is complete only once the next
        # month's declarations arrive, not because time passed (the default is 45 days).
        forecast_lag_days = 3650

        [notifier]
        admin = "tcp://127.0.0.1:\(b + 20)"
        events_publish = "tcp://127.0.0.1:\(b + 21)"
        events_catchup = "tcp://127.0.0.1:\(b + 22)"
        metrics = "127.0.0.1:\(b + 29)"
        smtp_url = "smtp://127.0.0.1:\(smtpPort)"
        from = "plafond@rijkvannijmegen.example"
        dashboard_url = "http://\(httpAddress)"
        recipients = [{ name = "Contractmanager Jeugd", email = "contractmanager.jeugd@nijmegen.example" }]
        escalate_to = { name = "Beleidsadviseur Jeugd", email = "beleid.jeugd@nijmegen.example" }
        group_wait = "0s"
        group_interval = "0s"

        [reporter]
        http = "\(httpAddress)"

        [regios]
        "\(DemoSetting.regio)" = [\(members)]
        """.write(to: configurationFile, atomically: true, encoding: .utf8)
    }

    /// The project's SMTP sink (Python, aiosmtpd): every mail as an .eml file.
    func startSMTPSink(script: String) throws -> Process? {
        guard FileManager.default.fileExists(atPath: script) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script, "--host", "127.0.0.1", "--port", String(smtpPort), "--dir", mailFolder.path,
        ]
        let log = folder.appendingPathComponent("smtp.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    func get(_ path: String) async throws -> (status: Int, body: Data) {
        let url = URL(string: "http://\(httpAddress)\(path)")!
        let (body, response) = try await URLSession.shared.data(for: URLRequest(url: url, timeoutInterval: 10))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }

    /// Waits until `condition` holds, up to `seconds`.
    func wait(seconds: Double, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return await condition()
    }

    var mails: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: mailFolder.path)) ?? []).filter { $0.hasSuffix(".eml") }
            .count
    }
}
