import Fixtures
import Foundation
import Testing

/// `docs/IJW.md` is the account of the standard's rule table: one row for every rule
/// that applies to what intake receives, with the table's own retourcode and level, a
/// status, and the tests that show it. This keeps the account and the table, and the
/// account and the tests, from drifting apart.
@Suite struct RuleTableCoverageTests {
    struct Row {
        var code: String
        var retourcode: String
        var level: String
        var status: String
        var note: String
        var tests: [String]
    }

    static let statuses: Set<String> = ["implemented", "not applicable", "missing"]

    func account() throws -> String {
        try String(contentsOf: SharedFiles.packageRoot.appendingPathComponent("docs/IJW.md"), encoding: .utf8)
    }

    /// The table rows whose first cell is a rule code.
    func rows(_ text: String) -> [Row] {
        text.split(separator: "\n").compactMap { line -> Row? in
            guard line.hasPrefix("| ") else { return nil }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 8, cells[0].range(of: #"^[A-Z]{2}\d{3}(x\d)?$"#, options: .regularExpression) != nil
            else { return nil }
            let tests = cells[7].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"])
            }.filter { $0 != "—" && !$0.isEmpty }
            return Row(
                code: cells[0], retourcode: cells[3], level: cells[4], status: cells[5], note: cells[6], tests: tests)
        }
    }

    /// Every `@Test` in the test sources as `Suite.function`.
    func testNames() throws -> Set<String> {
        let root = SharedFiles.packageRoot.appendingPathComponent("Tests")
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            var suite = ""
            var marked = false
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if let type = line.firstMatch(of: #/^(?:@Suite[^ ]* )?(?:final )?(?:struct|class|extension) (\w+)/#) {
                    suite = String(type.1)
                }
                if line.contains("@Test") { marked = true }
                if marked, let function = line.firstMatch(of: #/func (\w+)\(/#) {
                    names.insert("\(suite).\(function.1)")
                    marked = false
                }
            }
        }
        return names
    }

    @Test func everyApplicableRuleHasARowWithTheTablesCodeAndLevel() throws {
        let table = try RuleTable.load()
        let rows = rows(try account())
        let byCode = Dictionary(grouping: rows, by: \.code)
        #expect(table.applicable.count > 200, "the rule tables were not read")
        for code in table.applicable.sorted() {
            #expect(
                byCode[code]?.count == 1, "\(code): expected one row in docs/IJW.md, found \(byCode[code]?.count ?? 0)")
        }
        for row in rows {
            guard let rule = table.rules[row.code] else {
                Issue.record("\(row.code) is not a rule of the table")
                continue
            }
            #expect(table.applicable.contains(row.code), "\(row.code) does not apply to what intake receives")
            #expect(row.retourcode == (rule.retourcode.isEmpty ? "—" : rule.retourcode), "\(row.code): retourcode")
            #expect(row.level == (rule.level.isEmpty ? "—" : rule.level), "\(row.code): level")
        }
    }

    @Test func everyRowHasAStatusWithItsReasonAndEveryImplementedRuleATest() throws {
        for row in rows(try account()) {
            #expect(Self.statuses.contains(row.status), "\(row.code): status \(row.status)")
            #expect(row.note.count > 10, "\(row.code): say what is done or why not")
            if row.status == "implemented" { #expect(!row.tests.isEmpty, "\(row.code): implemented without a test") }
        }
    }

    @Test func everyTestTheAccountNamesExists() throws {
        let names = try testNames()
        #expect(names.contains("RuleTableCoverageTests.everyTestTheAccountNamesExists"), "the scan finds no tests")
        for row in rows(try account()) {
            for test in row.tests { #expect(names.contains(test), "\(row.code) names \(test), which does not exist") }
        }
    }

    @Test func theCountsAtTheTopAreTheRowsCounted() throws {
        let text = try account()
        let rows = rows(text)
        let count = { (status: String) in rows.filter { $0.status == status }.count }
        let summary =
            "**\(rows.count)** — implemented **\(count("implemented"))** / not applicable "
            + "**\(count("not applicable"))** / missing **\(count("missing"))**"
        let top = text.split(separator: "\n").prefix(5).joined(separator: "\n")
        #expect(top.contains(summary), "the first lines of docs/IJW.md should say \(summary)")
    }
}
