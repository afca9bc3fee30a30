import Domain
import Foundation
import Testing

@testable import Contracts

/// Monitor and reporter read line bodies without JSONDecoder when they are in the plain
/// form intake writes; whatever the body, the answer must be JSONDecoder's.
struct DeclaredLineReaderTests {
    let decoder = JSONDecoder()

    /// The same line or the same refusal as JSONDecoder.
    func expectSameAsJSONDecoder(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = Data(body.utf8)
        let expected = try? decoder.decode(LineAccepted.self, from: data)
        let actual = try? LineAccepted.decoded(from: data)
        #expect(actual == expected, "\(body)", sourceLocation: sourceLocation)
        let credited = try? LineCredited.decoded(from: data)
        #expect(credited?.line == expected?.line, "\(body)", sourceLocation: sourceLocation)
    }

    @Test func randomLinesReadAsJSONDecoderReadsThem() throws {
        var random = SplitMix(seed: 0x5EED)
        let plainTexts = ["R-1/2026", "ABC 123", "", "12345678", "a:b,c}"]
        let escapedTexts = ["x\"y", "back\\slash", "tab\there", "ëlf"]
        var plain = 0
        for i in 0..<2_000 {
            func pick() -> String {
                let texts = random.next() % 12 == 0 ? escapedTexts : plainTexts
                return texts[Int(random.next() % UInt64(texts.count))]
            }
            func maybe<T>(_ value: T) -> T? { random.next() % 3 == 0 ? nil : value }
            let start = Day(iso: "2026-0\(1 + i % 9)-01")!
            let sign: Int64 = random.next() % 5 == 0 ? -1 : 1
            let line = DeclaredLine(
                lineID: Int64(i) * 7_919, aanbieder: pick(), gemeente: "0268", client: pick(),
                referentieNummer: pick(), vorigReferentieNummer: maybe(pick()), toewijzingNummer: maybe(pick()),
                productCategorie: "45", productCode: maybe(pick()), periodStart: start,
                periodEnd: start.adding(days: 27), volume: sign * Int64(random.next() % 10_000),
                eenheid: "04", tariffCents: maybe(Int64(random.next() % 100_000)),
                amountCents: i == 0 ? Int64.max : i == 1 ? Int64.min : Int64(random.next() % 100_000_000),
                declaratieNummer: pick(), receivedOn: start.adding(days: 40))
            let body = try LineAccepted(line: line).encoded()
            #expect(try LineAccepted.decoded(from: body).line == line, "line \(i)")
            #expect(try decoder.decode(LineAccepted.self, from: body).line == line, "line \(i)")
            // Only texts that need escaping (or are not ASCII) are left to JSONDecoder.
            let needsJSONDecoder = [
                line.aanbieder, line.client, line.referentieNummer, line.vorigReferentieNummer ?? "",
                line.toewijzingNummer ?? "", line.productCode ?? "", line.declaratieNummer,
            ].contains { $0.utf8.contains { $0 >= 0x7F || $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == 92 } }
            let read = DeclaredLineReader.read(body)
            #expect(read == (needsJSONDecoder ? nil : line), "line \(i)")
            if read != nil { plain += 1 }
        }
        #expect(plain > 500)  // the plain path was really taken
    }

    @Test func otherShapesGetJSONDecodersAnswer() throws {
        let fields = [
            #""aanbieder":"12345678""#, #""amountCents":2500"#, #""client":"p-1""#, #""declaratieNummer":"D1""#,
            #""eenheid":"04""#, #""gemeente":"0268""#, #""lineID":7"#, #""periodEnd":"2026-03-31""#,
            #""periodStart":"2026-03-01""#, #""productCategorie":"45""#, #""receivedOn":"2026-04-10""#,
            #""referentieNummer":"R1""#, #""v":1"#, #""volume":3"#,
        ]
        func body(_ fields: [String], around: (String) -> String = { #"{"line":{"# + $0 + "}}" }) -> String {
            around(fields.joined(separator: ","))
        }
        let plain = body(fields)
        #expect(DeclaredLineReader.read(Data(plain.utf8)) != nil)
        expectSameAsJSONDecoder(plain)

        var shapes = [
            body(fields.reversed()),  // another key order: still plain
            body(fields, around: { #"{ "line" : { "# + $0 + " } }" }),  // whitespace
            body(fields, around: { #"{"line":{"# + $0 + #"},"extra":1}"# }),
            body(fields + [#""productCode":null"#]),
            body(fields + [#""productCode":"\u0041B""#]),
            body(fields + [#""unknown":"x""#]),
            body(fields + [#""volume":4"#]),  // a key twice
            body(fields.dropLast() + [#""volume":99999999999999999999"#]),
            body(fields.dropLast() + [#""volume":-9223372036854775808"#]),
            body(fields.dropLast() + [#""volume":03"#]),
            body(fields.dropLast() + [#""volume":3.5"#]),
            body(fields.dropLast() + [#""volume":-0"#]),
            body(fields.dropLast() + [#""volume":"3""#]),  // a text where a number belongs
            body(fields.dropLast() + [#""volume":-"#]),
            body(Array(fields.dropLast())),  // a required field missing
            body(fields.filter { !$0.contains("periodStart") } + [#""periodStart":"2026-02-30""#]),
            body(fields.filter { !$0.contains("aanbieder") } + [#""aanbieder":12345678"#]),
            String(plain.dropLast()),  // cut short
            plain + " ",
            "",
        ]
        shapes.append(contentsOf: (0..<plain.count).map { String(plain.prefix($0)) })
        for shape in shapes { expectSameAsJSONDecoder(shape) }
        // The reversed order is still the plain path; whitespace is not.
        #expect(DeclaredLineReader.read(Data(body(fields.reversed()).utf8)) != nil)
        #expect(DeclaredLineReader.read(Data(shapes[1].utf8)) == nil)
    }
}
