import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import Runtime
import Testing

@testable import ReporterService

/// The report's CSV read back by Python's `csv` module, as a spreadsheet importer would:
/// names that look like formulas come out as text, a name holding CR LF stays one cell of
/// one record.
@Suite struct ReportCSVSafetyTests {
    static let hostileNames: [(name: String, cell: String)] = [
        ("=HYPERLINK(\"http://example.org\",\"klik\")", "'=HYPERLINK(\"http://example.org\",\"klik\")"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tTab vooraan", "'\tTab vooraan"),
        ("Regel een\r\nRegel twee; drie", "Regel een\r\nRegel twee; drie"),
        ("\rCR vooraan", "'\rCR vooraan"),
    ]

    func reportCSV() async throws -> Data {
        let base = ReportTests()
        var (monitor, intake) = try base.logs()
        for (offset, hostile) in Self.hostileNames.enumerated() {
            var norm = base.norm(
                Int64(100 + offset), .bestedingsruimte, gemeente: "0268", aanbieder: "11111111", limit: 1)
            norm.name = hostile.name
            let body = try NormChanged(change: .added, norm: norm, by: "test", at: ReportTests.august).encoded()
            monitor.append(LoggedEvent(seq: Int64(monitor.count + 1), kind: NormChanged.kind.rawValue, body: body))
        }
        let core = ReporterCore(database: try .inMemory())
        try core.monitorSink().apply(monitor)
        try core.intakeSink().apply(intake)
        let server = try ReporterHTTPServer.forTests(database: core.database)
        return try await Application(router: try server.router()).test(.router) { client in
            try await client.execute(uri: "/api/rapport?gemeente=0268&periode=2026-Q3&formaat=csv", method: .get) {
                response in
                #expect(response.status == .ok)
                return Data(buffer: response.body)
            }
        }
    }

    /// Every record as Python's csv module reads the file (UTF-8 with BOM, `;`).
    func pythonRecords(_ csv: Data) throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-csv-\(UUID()).csv")
        try csv.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f, delimiter=';'))))
            """,
            file.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    @Test func formulaLikeNamesAreTextAndLineBreaksStayInOneCell() async throws {
        let records = try pythonRecords(try await reportCSV())
        let header = try #require(records.firstIndex { $0.first == "Norm" && $0.count == 13 })
        let end = try #require(records[header...].firstIndex { $0.isEmpty })
        let normRecords = Array(records[(header + 1)..<end])
        // The scenario's norm for 0268 and the hostile ones: one record each, 13 cells each.
        #expect(normRecords.count == 1 + Self.hostileNames.count)
        #expect(normRecords.allSatisfy { $0.count == 13 })
        for (offset, hostile) in Self.hostileNames.enumerated() {
            let record = try #require(normRecords.first { $0[0] == String(100 + offset) })
            #expect(record[1] == hostile.cell)
        }
        // Amounts stay numbers: the credit section's negative-free totals and the plain ids.
        #expect(records.contains(["Totaal", "", "700,25"]))
    }

    @Test func negativeAmountsStayNumbersAndOtherTextIsUntouched() {
        #expect(CSVCell.render("-12,50") == "-12,50")
        #expect(CSVCell.render("-7") == "-7")
        #expect(CSVCell.render("-") == "'-")
        #expect(CSVCell.render("-1,2,3") == "'-1,2,3")
        #expect(CSVCell.render("Begeleiding jeugd") == "Begeleiding jeugd")
        #expect(CSVCell.render("a\r\nb") == "\"a\r\nb\"")
    }
}
