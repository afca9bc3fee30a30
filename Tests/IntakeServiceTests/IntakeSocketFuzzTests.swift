import Domain
import Fixtures
import Foundation
import Messaging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Seeded mutations of every message intake takes, and hostile frames, through the real
/// socket: intake never crashes, answers every message, and still approves a good one
/// afterwards. `PLAFOND_FUZZ_COUNT` sets the count for the long run (docs/IJW.md).
@Suite(.serialized) struct IntakeSocketFuzzTests {
    let today = RunningIntake.today

    var seeds: [Data] {
        let april = Month(year: 2026, month: 4)!
        let day = Day(iso: "2026-04-03")!
        return [
            JW323Fixture(
                identificatie: "F323", dagtekening: today, declaratieNummer: "DN-F", periode: april,
                clients: [
                    (
                        "999900006",
                        [.init(referentie: "FR1", toewijzing: "7001", month: april, volume: 4, tariefCents: 1_250)]
                    )
                ]
            ).data,
            JW301Fixture(
                identificatie: "F301", dagtekening: today,
                products: [.init(toewijzing: "5001", ingangsdatum: day, omvang: (6, "04", "4"))]
            ).data,
            CareFixture.start(
                identificatie: "F305", dagtekening: today, products: [.init(toewijzing: "5001", begindatum: day)]),
            CareFixture.stop(
                identificatie: "F307", dagtekening: today,
                products: [.init(toewijzing: "5001", begindatum: day, einddatum: day, reden: "20")]),
            CareFixture.request(
                identificatie: "F315", dagtekening: today, referentie: "FA", verwijzerType: "01", ingangsdatum: day),
        ]
    }

    static func mutate(_ original: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            guard !bytes.isEmpty else { break }
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes.remove(at: index)
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
            case 3: bytes = Array(bytes.prefix(index))
            default:
                // Duplicate a slice: repeated elements, nested copies, doubled products.
                let end = min(bytes.count, index + Int.random(in: 1...200, using: &generator))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            }
        }
        return bytes
    }

    /// A clean declaration is still approved: intake kept working.
    func expectStillApproving(_ intake: RunningIntake, id: String) async throws {
        let april = Month(year: 2026, month: 4)!
        let clean = JW323Fixture(
            ontvanger: "0209", identificatie: id, dagtekening: today, declaratieNummer: "DN-\(id)", periode: april,
            clients: [
                (
                    "999900006",
                    [.init(referentie: "\(id)-1", toewijzing: "8001", month: april, volume: 1, tariefCents: 100)]
                )
            ])
        let answer = String(decoding: try await intake.send(clean.data), as: UTF8.self)
        #expect(answer.contains("RetourCode>8001<"), "\(answer)")
    }

    @Test func mutatedMessagesAlwaysGetAnAnswerAndIntakeKeepsWorking() async throws {
        let count = ProcessInfo.processInfo.environment["PLAFOND_FUZZ_COUNT"].flatMap(Int.init) ?? 2_000
        let intake = try RunningIntake()
        let originals = seeds.map { Array($0) }
        var generator = SeededGenerator(seed: 20_261_123)
        var kinds: [String: Int] = [:]
        for n in 0..<count {
            let original = originals[n % originals.count]
            let answer = try await intake.send(Data(Self.mutate(original, &generator)))
            let text = String(decoding: answer.prefix(300), as: UTF8.self)
            #expect(!answer.isEmpty, "mutation \(n) got an empty answer")
            let kind =
                text.contains("PlafondFout")
                ? "fout"
                : text.contains("jw325")
                    ? "jw325" : text.contains("jw30") ? "retour" : text.contains("jw316") ? "jw316" : "other"
            kinds[kind, default: 0] += 1
        }
        #expect(kinds["other"] == nil, "answers that are neither iJw nor a PlafondFout: \(kinds)")
        // Still healthy: a clean declaration is approved.
        try await expectStillApproving(intake, id: "AFTER")
        print("fuzz: \(count) mutated messages, answers by kind \(kinds.sorted { $0.key < $1.key })")
    }

    @Test func hostileInputGetsAnAnswerOrIsCutOffAndIntakeKeepsWorking() async throws {
        let intake = try RunningIntake()
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <b>&b;</b>
            """
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let hostile: [Data] = [
            Data(bomb.utf8), Data(deep.utf8), Data([0xFF, 0xFE, 0x3C, 0x61, 0x3E]), Data(), Data("<".utf8),
            Data(String(repeating: "x", count: 1_000_000).utf8),
        ]
        for document in hostile {
            let answer = String(decoding: try await intake.send(document), as: UTF8.self)
            #expect(answer.contains("GEEN_IJW"), "\(answer.prefix(200))")
        }
        // Over the standard's 25 MB: answered GEEN_IJW (it once got no answer at all).
        let oversized = String(
            decoding: try await intake.send(Data(repeating: 0x20, count: 26 * 1024 * 1024)), as: UTF8.self)
        #expect(oversized.contains("GEEN_IJW") && oversized.contains("groter dan 25 MB"), "\(oversized.prefix(300))")
        // Over the socket's 32 MiB: libzmq drops the connection on the frame header, before
        // the body is read (documented; `plafond submit` refuses such a file itself).
        #expect(try await !intake.answeredOnFreshConnection(Data(count: 33 * 1024 * 1024)))
        // Frames in odd shapes: several documents (the last one counts), only a delimiter.
        let several = try #require(try await intake.sendFrames([Data(), Data("<x/>".utf8), Data("<y/>".utf8)]))
        #expect(String(decoding: several.last ?? Data(), as: UTF8.self).contains("GEEN_IJW"))
        let delimiterOnly = try #require(try await intake.sendFrames([Data()]))
        #expect(String(decoding: delimiterOnly.last ?? Data(), as: UTF8.self).contains("GEEN_IJW"))
        try await expectStillApproving(intake, id: "AFTER2")
    }
}
