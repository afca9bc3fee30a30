import Domain
import Fixtures
import Foundation
import Testing

/// `plafond cpv … --extra` against a real intake and monitor: the contract manager names
/// the client by its allocation number (monitor learnt it from the start of care), and
/// reads what was decided; a refusal and a usage error have their own exit status.
@Suite(.serialized)
struct CPVIntensityCommandTests {
    @Test func theCPVGrantsExtraHoursForAnAllocationByItsNumber() async throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.start("intake")
        try system.start("monitor")
        let norm = try system.runCLI([
            "norm", "add", "--naam", "VDB max 18 uur per week", "--soort", "intensiteitsnorm", "--gemeente", "0268",
            "--categorie", "45", "--grens", "18", "--eenheid", "uur", "--per", "week", "--per-kind",
            "--weken-per-jaar", "47",
        ])
        #expect(norm.status == 0, "\(norm.output)")
        #expect(
            norm.output.contains(
                "18 uur per cliënt per week (per kind, alle aanbieders samen), ten hoogste 47 weken per jaar;"),
            "\(norm.output)")
        let today = Day.today()
        let answer = try system.submit(
            CareFixture.start(
                identificatie: "CPV-I-1", dagtekening: today,
                products: [.init(toewijzing: "7700301", begindatum: today.month.firstDay)]))
        // IV028: an approved start is answered with a JW306 header without RetourCodes.
        #expect(answer.contains("<jw306:BerichtCode>439<") && !answer.contains("RetourCode>"), "\(answer)")
        let arguments = [
            "cpv", "--toewijzing", "7700301", "--besluit", "toegekend", "--extra", "6", "--norm", "1", "--van",
            "2026-04", "--tot-en-met", "2026-09", "--reden", "overgang naar onderwijs", "--door", "CPV Nijmegen",
        ]
        // Monitor knows the allocation once it has read the start of care from intake's log.
        var granted: (status: Int32, output: String) = (-1, "")
        let known = await system.eventually {
            granted = try system.runCLI(arguments)
            return granted.status == 0
        }
        #expect(known, "\(granted.output)")
        #expect(
            granted.output.contains(
                "over norm 1 vastgelegd: toewijzing 7700301, 6 uur per week extra, 2026-04 t/m 2026-09 toegekend"),
            "\(granted.output)")
        let refused = try system.runCLI(
            [
                "cpv", "--toewijzing", "7700301", "--besluit", "afgewezen", "--extra", "10", "--norm", "1", "--van",
                "2026-10", "--tot-en-met", "2026-12", "--reden", "basishulp volstaat", "--door", "CPV Nijmegen",
            ])
        #expect(refused.status == 0 && refused.output.contains("10 uur per week extra, 2026-10 t/m 2026-12 afgewezen."))
        let unknown = try system.runCLI(
            [
                "cpv", "--toewijzing", "999", "--besluit", "toegekend", "--extra", "6", "--norm", "1", "--van",
                "2026-04",
                "--tot-en-met", "2026-04", "--reden", "x", "--door", "CPV",
            ])
        #expect(unknown.status == 1 && unknown.output.contains("Geweigerd: toewijzing 999 is monitor niet bekend"))
        let usage = try system.runCLI(
            [
                "cpv", "--toewijzing", "7700301", "--besluit", "toegekend", "--extra", "6", "--van", "2026-04",
                "--tot-en-met", "2026-04", "--reden", "x", "--door", "CPV",
            ])
        #expect(usage.status == 64 && usage.output.contains("geef --norm"), "\(usage.output)")
    }
}
