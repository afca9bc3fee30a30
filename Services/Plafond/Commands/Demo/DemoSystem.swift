import Foundation
import LocalSystem
import Runtime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The demo's running system: a fresh folder with its configuration, the SMTP sink, the
/// four services (their logs in the folder), and the reporter's HTTP API to read back.
struct DemoSystem {
    let folder: URL
    let basePort: Int
    /// `[reporter] token`, so the API asks for a bearer token as it does beyond loopback
    /// (the contract test's run); nil leaves the API open on loopback.
    var apiToken: String? = nil
    var configurationFile: URL { folder.appendingPathComponent("plafond.toml") }
    var mailFolder: URL { folder.appendingPathComponent("mail") }
    var layout: LoopbackLayout { LoopbackLayout(basePort: basePort) }
    var httpAddress: String { layout.httpAddress }

    func writeConfiguration() throws {
        try FileManager.default.createDirectory(at: mailFolder, withIntermediateDirectories: true)
        let members = DemoSetting.gemeenten.map { "\"\($0.code)\"" }.joined(separator: ", ")
        let sections = layout.sections(
            monitor: [
                "# The demo replays a year in minutes: a month of care is complete only once the next",
                "# month's declarations arrive, not because time passed (the default is 45 days).",
                "forecast_lag_days = 3650",
            ],
            notifier: [
                #"from = "plafond@rijkvannijmegen.example""#,
                #"dashboard_url = "http://\#(httpAddress)""#,
                #"recipients = [{ name = "Contractmanager Jeugd", email = "contractmanager.jeugd@nijmegen.example" }]"#,
                #"escalate_to = { name = "Beleidsadviseur Jeugd", email = "beleid.jeugd@nijmegen.example" }"#,
                #"group_wait = "0s""#,
                #"group_interval = "0s""#,
            ])
        try """
        # Written by `plafond demo`: a development system on loopback.
        [general]
        data = "\(folder.appendingPathComponent("data").path)"
        development = true
        pseudonym_key = "plafond-demo-\(UUID().uuidString)"
        log_level = "notice"

        \(sections)
        \(apiToken.map { "token = \"\($0)\"" } ?? "")

        [regios]
        "\(DemoSetting.regio)" = [\(members)]

        # Youth inhabitants per gemeente: the regio's jeugd-GGZ budget is split naar rato.
        [verdeelsleutels.jeugdigen]
        \(DemoSetting.jeugdigen.map { "\"\($0.code)\" = \($0.count)" }.joined(separator: "\n"))
        """.write(to: configurationFile, atomically: true, encoding: .utf8)
    }

    /// The project's SMTP sink, when the demo runs where it can find it: without it the
    /// alerts still show, the mails stay queued in the notifier.
    func startSMTPSink(script: String) throws -> Process? {
        guard FileManager.default.fileExists(atPath: script) else { return nil }
        return try SMTPSinkProcess.start(
            script: script, port: layout.smtpPort, mailFolder: mailFolder,
            log: folder.appendingPathComponent("smtp.log"))
    }

    func get(_ path: String) async throws -> (status: Int, body: Data) {
        let url = URL(string: "http://\(httpAddress)\(path)")!
        var request = URLRequest(url: url, timeoutInterval: 10)
        if let apiToken { request.setValue("Bearer \(apiToken)", forHTTPHeaderField: "Authorization") }
        let (body, response) = try await URLSession.shared.data(for: request)
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
