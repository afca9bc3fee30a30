import Foundation

/// The JSON body of `line.accepted` and `line.credited`, written by hand, in two halves
/// around the line's id.
///
/// Intake writes one per approved line, and Foundation's JSONEncoder was an eighth of
/// intake's time. The halves are made while the message is read, on any core; only the
/// id, which the store hands out, is written inside the storing transaction. The bytes
/// are exactly JSONEncoder's (sorted keys, nil fields left out, slashes not escaped),
/// which `DeclaredLineJSONTests` checks over random lines; a line with any text outside
/// printable ASCII, or with a quote or backslash, is left to JSONEncoder, so escaping is
/// never done twice or differently.
public struct DeclaredLineBody: Sendable {
    private enum Form: Sendable {
        /// Everything before the id's digits, and everything after them.
        case halves(head: [UInt8], tail: [UInt8])
        /// A text needs escaping: JSONEncoder writes the whole body once the id is known.
        case encoder(DeclaredLine)
    }

    private let form: Form

    /// `line.lineID` is not read: the id comes with `bytes(lineID:)`.
    public init(_ line: DeclaredLine) {
        var head: [UInt8] = []
        var tail: [UInt8] = []
        head.reserveCapacity(192)
        tail.reserveCapacity(320)
        form =
            DeclaredLineJSON.write(line, head: &head, tail: &tail)
            ? .halves(head: head, tail: tail) : .encoder(line)
    }

    /// The body of the line's event once the store has given it `lineID`.
    public func bytes(lineID: Int64) throws -> [UInt8] {
        switch form {
        case .halves(let head, let tail):
            var out = head
            out.reserveCapacity(head.count + 20 + tail.count)
            DeclaredLineJSON.appendDecimal(lineID, to: &out)
            out.append(contentsOf: tail)
            return out
        case .encoder(var line):
            line.lineID = lineID
            return Array(try EventCoding.encoder.encode(DeclaredLineJSON.Body(line: line)))
        }
    }
}

enum DeclaredLineJSON {
    struct Body: Encodable {
        var line: DeclaredLine
    }

    static func encode(_ line: DeclaredLine) throws -> Data {
        Data(try DeclaredLineBody(line).bytes(lineID: line.lineID))
    }

    /// Fields in JSONEncoder's sorted order, those before `lineID`'s value into `head`
    /// and those after it into `tail`. False when a text needs escaping.
    static func write(_ line: DeclaredLine, head: inout [UInt8], tail: inout [UInt8]) -> Bool {
        var ok = true
        var first = true
        func key(_ name: StaticString, _ out: inout [UInt8]) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: #"":"#.utf8)
        }
        func text(_ name: StaticString, _ value: String?, _ out: inout [UInt8]) {
            guard let value else { return }
            key(name, &out)
            let needsNoEscaping = value.utf8.allSatisfy { byte in
                byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
            }
            guard needsNoEscaping else {
                ok = false
                return
            }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: value.utf8)
            out.append(UInt8(ascii: "\""))
        }
        func number(_ name: StaticString, _ value: Int64?, _ out: inout [UInt8]) {
            guard let value else { return }
            key(name, &out)
            appendDecimal(value, to: &out)
        }
        head.append(contentsOf: #"{"line":{"#.utf8)
        text("aanbieder", line.aanbieder, &head)
        number("amountCents", line.amountCents, &head)
        text("client", line.client, &head)
        text("declaratieNummer", line.declaratieNummer, &head)
        text("eenheid", line.eenheid, &head)
        text("gemeente", line.gemeente, &head)
        key("lineID", &head)
        text("periodEnd", line.periodEnd.iso, &tail)
        text("periodStart", line.periodStart.iso, &tail)
        text("productCategorie", line.productCategorie, &tail)
        text("productCode", line.productCode, &tail)
        text("receivedOn", line.receivedOn.iso, &tail)
        text("referentieNummer", line.referentieNummer, &tail)
        number("tariffCents", line.tariffCents, &tail)
        text("toewijzingNummer", line.toewijzingNummer, &tail)
        number("v", Int64(line.v), &tail)
        number("volume", line.volume, &tail)
        text("vorigReferentieNummer", line.vorigReferentieNummer, &tail)
        tail.append(contentsOf: "}}".utf8)
        return ok
    }

    /// The decimal digits of `value`, as JSONEncoder writes an integer.
    static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }
}
