import Domain
import Fixtures
import Foundation
import IJW
import Logging
import Messaging
import Testing

@testable import IntakeService

/// Random valid JW323s and random single-rule breaks (`DeclarationScenario`): intake's
/// answer is XSD-valid and names exactly the codes the rule table predicts, and replaying
/// the same sequence gives the same answers byte for byte.
///
/// Bounded in the suite (160 messages); a longer run:
/// `PLAFOND_RULE_FUZZ_COUNT=5000 PLAFOND_RULE_FUZZ_SEED=7 swift test --skip-build --filter RuleDrivenFuzzTests`.
@Suite struct RuleDrivenFuzzTests {
    static let count = ProcessInfo.processInfo.environment["PLAFOND_RULE_FUZZ_COUNT"].flatMap(Int.init) ?? 160
    static let seed = ProcessInfo.processInfo.environment["PLAFOND_RULE_FUZZ_SEED"].flatMap(UInt64.init) ?? 17

    func processor() throws -> IntakeProcessor {
        let today = DeclarationScenario.today
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970 * 86_400 + 43_200))
        var logger = Logger(label: "rule-fuzz")
        logger.logLevel = .error
        return IntakeProcessor(
            database: try .inMemory(), pseudonymizer: Pseudonymizer(secret: "fuzz"), knownGemeenten: ["0209"],
            requireAuthentication: false, clock: { now }, logger: logger)
    }

    /// The sequence for a seed: each message with its predicted answer.
    static func sequence(seed: UInt64, count: Int) -> [(Declaration, DeclarationOracle.Prediction)] {
        var scenario = DeclarationScenario(seed: seed)
        return (0..<count).map { _ in
            let breaking: DeclarationScenario.Break? =
                Bool.random(using: &scenario.random)
                ? DeclarationScenario.Break.allCases.randomElement(using: &scenario.random) : nil
            return scenario.next(breaking: breaking)
        }
    }

    func answers(_ sequence: [(Declaration, DeclarationOracle.Prediction)]) throws -> [Data] {
        let intake = try processor()
        return sequence.map { declaration, _ in
            intake.process([
                IncomingRequest(envelope: [], document: JW323Writer.write(declaration), authenticatedAs: nil)
            ])[0]
        }
    }

    @Test func everyAnswerIsValidAndNamesExactlyThePredictedCodes() throws {
        let sequence = Self.sequence(seed: Self.seed, count: Self.count)
        let answers = try answers(sequence)
        var seen: Set<String> = []
        for ((declaration, prediction), answer) in zip(sequence, answers) {
            let parsed = ParsedAnswer(String(decoding: answer, as: UTF8.self))
            let context = "\(declaration.header.identificatie): expected \(prediction), got \(parsed)"
            #expect(parsed.matches(prediction), "\(context)")
            #expect(try SharedFiles.schemaProblems(answer, schema: "JW325") == nil, "\(context)")
            seen.insert(prediction.description.components(separatedBy: " ").prefix(2).joined(separator: " "))
        }
        // The run exercised every shape of answer.
        #expect(seen.contains("all granted") && seen.contains("header only") && seen.contains("declaration refused"))
        #expect(seen.contains { $0.hasPrefix("line") })
    }

    @Test func replayingTheSameSequenceGivesTheSameAnswersByteForByte() throws {
        let sequence = Self.sequence(seed: Self.seed, count: min(Self.count, 60))
        #expect(try answers(sequence) == answers(sequence))
        #expect(Self.sequence(seed: Self.seed, count: 10).map(\.0) == sequence.prefix(10).map(\.0))
    }
}

/// The codes of a JW325: the header's, the DeclaratieAntwoord's own (nil when there is
/// none), and each returned Prestatie's by ReferentieNummer.
struct ParsedAnswer: CustomStringConvertible {
    var header: [String]
    var declaration: [String]?
    var lines: [String: [String]] = [:]

    init(_ text: String) {
        let parts = text.components(separatedBy: "<jw325:DeclaratieAntwoord>")
        header = Self.codes(parts[0])
        guard parts.count > 1 else {
            declaration = nil
            return
        }
        let body = parts[1]
        for block in body.components(separatedBy: "<jw325:Prestatie>").dropFirst() {
            let prestatie = block.components(separatedBy: "</jw325:Prestatie>")[0]
            let reference = prestatie.components(separatedBy: "<ijw:ReferentieNummer>")[1].components(separatedBy: "<")[
                0]
            lines[reference] = Self.codes(prestatie)
        }
        declaration = Self.codes(body.components(separatedBy: "</jw325:Clienten>").last ?? body)
    }

    static func codes(_ text: String) -> [String] {
        text.components(separatedBy: "<jw325:RetourCode>").dropFirst().map { $0.components(separatedBy: "<")[0] }
    }

    func matches(_ prediction: DeclarationOracle.Prediction) -> Bool {
        switch prediction {
        case .allGranted: header == ["0200"] && declaration == ["8001"] && lines.isEmpty
        case .lineRefused(let reference, let codes):
            header == ["0200"] && declaration == ["0200"] && lines == [reference: codes]
        case .headerOnly(let codes): header == codes && declaration == nil
        case .declarationRefused(let code): header == ["0200"] && declaration == [code] && lines.isEmpty
        }
    }

    var description: String { "header \(header), declaratie \(declaration ?? []), lines \(lines)" }
}
