import Foundation
import Testing

/// `plafond report` against the real reporter: the file it writes, and a refusal.
@Suite struct ReportCommandTests {
    @Test func theCLIWritesTheReportTheReporterServes() async throws {
        let system = try RunningSystem(extraConfiguration: "[regios]\n\"Rijk van Nijmegen\" = [\"0268\", \"0209\"]\n")
        defer { system.shutDown() }
        try system.start("reporter")
        #expect(await system.eventually { (try? await system.httpGet("/api/norms").status) == 200 })
        let csv = system.folder.appendingPathComponent("kwartaal.csv")
        let written = try system.runCLI([
            "report", "--gemeente", "0268", "--periode", "2026-Q3", "--formaat", "csv", "--uit", csv.path,
        ])
        #expect(written.status == 0, "\(written.output)")
        #expect(written.output.contains("Rapport geschreven: \(csv.path)"))
        let bytes = try Data(contentsOf: csv)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("Rapportage;gemeente 0268;2026-Q3\r\n"))
        let html = system.folder.appendingPathComponent("regio.html")
        let regio = try system.runCLI([
            "report", "--regio", "Rijk van Nijmegen", "--periode", "2026", "--uit", html.path,
        ])
        #expect(regio.status == 0, "\(regio.output)")
        #expect(try String(contentsOf: html, encoding: .utf8).contains("regio Rijk van Nijmegen, 2026"))
        // Without --uit the file gets the name the reporter gives it, in the current folder.
        let named = try system.runCLI(
            ["report", "--regio", "Rijk van Nijmegen", "--periode", "2026-H2", "--formaat", "json"], in: system.folder)
        #expect(named.status == 0, "\(named.output)")
        let json = system.folder.appendingPathComponent("rapport-rijk-van-nijmegen-2026-H2.json")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        #expect(report?["period"] as? String == "2026-H2" && report?["area"] as? String == "regio Rijk van Nijmegen")
        let unknown = try system.runCLI(["report", "--regio", "Holland Rijnland", "--periode", "2026"])
        #expect(
            unknown.status == 1 && unknown.output.contains("Geweigerd: de reporter antwoordde 404"), "\(unknown.output)"
        )
        // The API's error body, read: its Dutch message and its code, not the JSON.
        #expect(unknown.output.contains("regio Holland Rijnland is onbekend"), "\(unknown.output)")
        #expect(unknown.output.contains("(REGIO_ONBEKEND)"), "\(unknown.output)")
        #expect(!unknown.output.contains("USAGE"), "a refusal is no usage error: \(unknown.output)")
        system.stop("reporter")
        let unreachable = try system.runCLI(["report", "--periode", "2026"])
        #expect(unreachable.status == 3, "\(unreachable.output)")
        #expect(
            unreachable.output.contains("Fout: de reporter op 127.0.0.1:\(system.ports.http) antwoordde niet")
                && unreachable.output.contains(system.configurationFile.path), "\(unreachable.output)")
    }
}
