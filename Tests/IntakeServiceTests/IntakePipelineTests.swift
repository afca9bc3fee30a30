import Domain
import Fixtures
import Foundation
import GRDB
import Testing

@testable import IntakeService

/// Intake reads requests side by side as they arrive but must store them in the order
/// they arrived: a provider's system may send a correction right behind the declaration
/// it corrects, without waiting for the first answer.
@Suite(.serialized) struct IntakePipelineTests {
    let april = Month(year: 2026, month: 4)!

    func declaration(_ id: String, lines: [JW323Fixture.Line]) -> Data {
        JW323Fixture(
            ontvanger: "0209", identificatie: id, dagtekening: RunningIntake.today, declaratieNummer: "DN-\(id)",
            periode: april, clients: [("999900006", lines)]
        ).data
    }

    func debit(_ reference: String, toewijzing: String) -> JW323Fixture.Line {
        .init(referentie: reference, toewijzing: toewijzing, month: april, volume: 2, tariefCents: 1_250)
    }

    @Test func aCorrectionSentRightBehindALargeDeclarationIsStoredAfterIt() async throws {
        let intake = try RunningIntake()
        // The first takes far longer to read than the second: read side by side, the
        // correction is ready first, and stored first it would credit nothing (9390).
        let large = declaration("P-LARGE", lines: (0..<3_000).map { debit("L-\($0)", toewijzing: "\(80_000 + $0)") })
        let correction = declaration(
            "P-CORR",
            lines: [
                .init(
                    referentie: "C-1", vorigeReferentie: "L-2999", toewijzing: "82999", month: april, volume: 2,
                    tariefCents: 1_250, debetCredit: "C"),
                .init(referentie: "C-2", toewijzing: "82999", month: april, volume: 1, tariefCents: 1_250),
            ])
        let answers = try await intake.sendWithoutWaiting([large, correction])
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(answers.count == 2)
        #expect(answers[0].contains("P-LARGE") && answers[0].contains("8001"), "\(answers[0].prefix(600))")
        #expect(answers[1].contains("P-CORR") && answers[1].contains("8001"), "\(answers[1])")
        let credited = try await intake.processor.database.writer.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT creditedByLineID IS NOT NULL FROM line WHERE referentieNummer = 'L-2999'")
        }
        #expect(credited == 1)
    }

    @Test func moreRequestsThanThePipelineHoldsWaitInTheSocketAndAreAllAnswered() async throws {
        let intake = try RunningIntake(maxBatch: 2)
        let documents = (0..<12).map { index in
            index % 4 == 3
                ? Data("geen iJw \(index)".utf8)
                : declaration("P-\(index)", lines: [debit("R-\(index)", toewijzing: "\(90_000 + index)")])
        }
        let answers = try await intake.sendWithoutWaiting(documents).map { String(decoding: $0, as: UTF8.self) }
        for (index, answer) in answers.enumerated() {
            if index % 4 == 3 {
                #expect(answer.contains("GEEN_IJW"), "\(index): \(answer)")
            } else {
                #expect(answer.contains("P-\(index)") && answer.contains("8001"), "\(index): \(answer)")
            }
        }
        let stored = try await intake.processor.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM line")
        }
        #expect(stored == 9)
    }

    @Test func aGracefulStopStillStoresAndAnswersWhatWasTakenIn() async throws {
        let intake = try RunningIntake()
        // Large enough that intake is still reading it when the stop comes.
        let large = declaration("P-STOP", lines: (0..<10_000).map { debit("S-\($0)", toewijzing: "\(70_000 + $0)") })
        try await intake.sendOnly(large)
        try await Task.sleep(for: .milliseconds(150))
        intake.stopServer()
        let answer = try await intake.nextAnswer().map { String(decoding: $0, as: UTF8.self) }
        #expect(
            answer?.contains("P-STOP") == true && answer?.contains("8001") == true,
            "\(answer?.prefix(400) ?? "no answer")")
        let stored = try await intake.processor.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM line")
        }
        #expect(stored == 10_000)
    }
}
