import Domain
import Fixtures
import Foundation
import Testing

/// `plafond submit` tells a provider's script what happened by its exit status: 0 all
/// taken, 1 something refused, 3 intake did not answer (saying where it tried and which
/// configuration it read).
@Suite(.serialized)
struct SubmitExitCodeTests {
    @Test func acceptedRefusedAndUnansweredEachHaveTheirExitStatus() async throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.start("intake")
        let month = Day.today().month.previous
        let good = system.folder.appendingPathComponent("goed.xml")
        try JW323Fixture(
            identificatie: "SUBMIT-1", dagtekening: Day.today(), declaratieNummer: "DN-S-1", periode: month,
            clients: [("999900006", [.init(referentie: "RN-S-1", month: month, volume: 2, tariefCents: 6_420)])]
        ).data.write(to: good)
        let accepted = try system.runCLI(["submit", good.path])
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(FileManager.default.fileExists(atPath: system.folder.appendingPathComponent("goed.antwoord.xml").path))

        let notIJW = system.folder.appendingPathComponent("geen-ijw.xml")
        try Data("<factuur>geen iJw</factuur>".utf8).write(to: notIJW)
        let refused = try system.runCLI(["submit", good.path, notIJW.path])
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("niet geheel geaccepteerd"), "\(refused.output)")
        #expect(!refused.output.contains("USAGE"), "\(refused.output)")

        system.stop("intake")
        let unanswered = try system.runCLI(["submit", good.path])
        #expect(unanswered.status == 3, "\(unanswered.output)")
        #expect(unanswered.output.contains("intake op tcp://127.0.0.1:\(system.ports.intake)"), "\(unanswered.output)")
        #expect(unanswered.output.contains("configuratie \(system.configurationFile.path)"), "\(unanswered.output)")
    }
}
