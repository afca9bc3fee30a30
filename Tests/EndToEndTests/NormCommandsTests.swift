import Foundation
import Testing

/// `plafond norm import|change|end|history` against the real monitor.
@Suite(.serialized)
struct NormCommandsTests {
    @Test func aRegionLoadsItsNormsThenChangesAndEndsOneWithHistory() async throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.start("monitor")
        let file = system.folder.appendingPathComponent("normen.toml")
        try """
        [[norm]]
        naam = "Begeleiding jeugd, De Linde"
        soort = "bestedingsruimte"
        gemeenten = ["0268", "0209"]
        regio = "Rijk van Nijmegen"
        aanbieder = "12345678"
        categorieen = ["45"]
        periode = "2026"
        grens = "€ 1.250.000,00"

        [[norm]]
        naam = "Instroom De Linde"
        soort = "instroomtarget"
        gemeenten = ["0268"]
        aanbieder = "12345678"
        grens = "120"
        drempels = [80, 100]

        [[norm]]
        naam = "VDB max 18 uur per week per kind"
        soort = "intensiteitsnorm"
        gemeenten = ["0268"]
        categorieen = ["41"]
        grens = "18"
        eenheid = "uur"
        per_kind = true
        """.write(to: file, atomically: true, encoding: .utf8)
        // The request waits in ZeroMQ until monitor listens (the CLI waits 10 s for an answer).
        let imported = try system.runCLI(["norm", "import", file.path, "--door", "Regio"])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("3 normen ingelezen"))
        let perChild = try system.runCLI(["norm", "show", "3"])
        #expect(perChild.output.contains("per kind, de zorg van alle aanbieders samen"), "\(perChild.output)")
        let changed = try system.runCLI([
            "norm", "change", "1", "--grens", "€ 1.400.000,00", "--drempels", "70,90,100", "--stopregel", "105",
            "--door", "J. de Vries",
        ])
        #expect(changed.status == 0, "\(changed.output)")
        #expect(changed.output.contains("versie 2") && changed.output.contains("€ 1.400.000,00"))
        let ended = try system.runCLI(["norm", "end", "2", "--door", "J. de Vries"])
        #expect(ended.status == 0, "\(ended.output)")
        let history = try system.runCLI(["norm", "history", "1"])
        #expect(history.output.contains("v1\tadded") && history.output.contains("v2\tchanged"))
        #expect(history.output.contains("J. de Vries"))
        let shown = try system.runCLI(["norm", "show", "1"])
        #expect(shown.status == 0, "\(shown.output)")
        #expect(shown.output.contains("Norm 1 (versie 2): Begeleiding jeugd, De Linde"))
        #expect(shown.output.contains("gemeenten 0268, 0209, aanbieder 12345678, categorieën 45"))
        #expect(shown.output.contains("€ 0,00 van € 1.400.000,00"))
        #expect(shown.output.contains("nog geen complete zorgmaand"))
        #expect(shown.output.contains("Stopregel:   prognose boven 105%"))
        let intensity = try system.runCLI([
            "norm", "add", "--naam", "VDB max 18 uur", "--soort", "intensiteitsnorm", "--gemeente", "0268",
            "--categorie", "45", "--grens", "18", "--eenheid", "uur", "--per", "week", "--structureel", "2/3",
        ])
        #expect(intensity.status == 0, "\(intensity.output)")
        #expect(intensity.output.contains("18 uur per cliënt per week; € 0,00 zou onrechtmatig zijn"))
        let wrongWords = try system.runCLI([
            "norm", "add", "--naam", "X", "--soort", "signaalplafond", "--grens", "€ 10,00", "--per", "week",
        ])
        #expect(wrongWords.status != 0 && wrongWords.output.contains("horen bij een intensiteitsnorm"))
        let again = try system.runCLI(["norm", "change", "2", "--grens", "130"])
        #expect(again.status == 1 && again.output.contains("Geweigerd: norm 2 is beëindigd"), "\(again.output)")
        #expect(!again.output.contains("USAGE"), "a refusal is no usage error: \(again.output)")
    }
}
