import Contracts
import Domain
import Foundation
import Testing

/// The hand-written body of `line.accepted` / `line.credited` must be byte for byte what
/// JSONEncoder writes (same fact, same bytes), for any line, including texts that need
/// escaping, and must read back as the same line.
struct DeclaredLineJSONTests {
    @Test func handWrittenBodyIsJSONEncodersBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Body: Encodable { var line: DeclaredLine }
        var random = SplitMix(seed: 0x11AE)
        let texts = ["R-1/2026", "ABC 123", "", "x\"y", "back\\slash", "tab\there", "ëlf", "line\nbreak", "12345678"]
        for i in 0..<2_000 {
            func pick() -> String { texts[Int(random.next() % UInt64(texts.count))] }
            func maybe<T>(_ value: T) -> T? { random.next() % 3 == 0 ? nil : value }
            let start = Day(iso: "2026-0\(1 + i % 9)-01")!
            let line = DeclaredLine(
                lineID: Int64(i) * 7_919, aanbieder: pick(), gemeente: "0268", client: pick(),
                referentieNummer: pick(), vorigReferentieNummer: maybe(pick()), toewijzingNummer: maybe(pick()),
                productCategorie: "45", productCode: maybe(pick()), periodStart: start,
                periodEnd: start.adding(days: 27), volume: Int64(random.next() % 10_000),
                eenheid: "04", tariffCents: maybe(Int64(random.next() % 100_000)),
                amountCents: Int64(random.next() % 100_000_000), declaratieNummer: pick(),
                receivedOn: start.adding(days: 40))
            let expected = try encoder.encode(Body(line: line))
            #expect(try LineAccepted(line: line).encoded() == expected, "line \(i)")
            #expect(try LineCredited(line: line).encoded() == expected, "line \(i)")
            #expect(try LineAccepted.decoded(from: expected).line == line)
            // Intake makes the body before the store gives the id: made with another id, it
            // must still come out with the one given later.
            var beforeStoring = line
            beforeStoring.lineID = -1
            #expect(Data(try DeclaredLineBody(beforeStoring).bytes(lineID: line.lineID)) == expected, "line \(i)")
        }
    }
}

/// A small seeded generator, so a failure names a line that can be found again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
