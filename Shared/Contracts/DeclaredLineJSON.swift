import Foundation

/// The JSON body of `line.accepted` and `line.credited`, written by hand. Intake writes one
/// per approved line inside its storing transaction, and Foundation's JSONEncoder was an
/// eighth of intake's time. The bytes are exactly JSONEncoder's (sorted keys, nil fields
/// left out, slashes not escaped), which `DeclaredLineJSONTests` checks over random
/// lines; a line with any text outside printable ASCII, or with a quote or backslash, is
/// left to JSONEncoder, so escaping is never done twice or differently.
enum DeclaredLineJSON {
    private struct Body: Encodable {
        var line: DeclaredLine
    }

    static func encode(_ line: DeclaredLine) throws -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        guard write(line, into: &out) else { return try EventCoding.encoder.encode(Body(line: line)) }
        return Data(out)
    }

    /// Fields in JSONEncoder's sorted order. False when a text needs escaping.
    private static func write(_ line: DeclaredLine, into out: inout [UInt8]) -> Bool {
        out.append(contentsOf: #"{"line":{"#.utf8)
        var ok = true
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: #"":"#.utf8)
        }
        func text(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            out.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else {
                    ok = false
                    return
                }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
        func number(_ name: StaticString, _ value: Int64?) {
            guard let value else { return }
            key(name)
            out.append(contentsOf: String(value).utf8)
        }
        text("aanbieder", line.aanbieder)
        number("amountCents", line.amountCents)
        text("client", line.client)
        text("declaratieNummer", line.declaratieNummer)
        text("eenheid", line.eenheid)
        text("gemeente", line.gemeente)
        number("lineID", line.lineID)
        text("periodEnd", line.periodEnd.iso)
        text("periodStart", line.periodStart.iso)
        text("productCategorie", line.productCategorie)
        text("productCode", line.productCode)
        text("receivedOn", line.receivedOn.iso)
        text("referentieNummer", line.referentieNummer)
        number("tariffCents", line.tariffCents)
        text("toewijzingNummer", line.toewijzingNummer)
        number("v", Int64(line.v))
        number("volume", line.volume)
        text("vorigReferentieNummer", line.vorigReferentieNummer)
        out.append(contentsOf: "}}".utf8)
        return ok
    }
}
