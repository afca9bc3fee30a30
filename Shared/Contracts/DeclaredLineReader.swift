import Domain
import Foundation

/// Reads the body of `line.accepted` / `line.credited` in the shape `DeclaredLineJSON`
/// writes, without JSONDecoder.
///
/// Monitor and reporter read one per line, and Foundation's JSONDecoder was about 40% of
/// monitor's time per line (profile in docs/BENCHMARKS.md). This reader takes only the
/// plain form: `{"line":{…}}` with known keys, each once, texts of printable ASCII
/// without escapes, whole numbers, no whitespace. Anything else (an escaped text,
/// another producer's layout, a field it does not know, a broken body) returns nil and
/// the caller asks JSONDecoder, so what is accepted, refused or reported never differs
/// from JSONDecoder's answer; `DeclaredLineReaderTests` compares the two.
enum DeclaredLineReader {
    private static let keys: [(bytes: [UInt8], field: LineField)] = LineField.allCases.map { ($0.key, $0) }
    private static let prefix = Array(#"{"line":{"#.utf8)

    static func read(_ data: Data) -> DeclaredLine? {
        data.withUnsafeBytes { raw in
            var cursor = Cursor(bytes: raw)
            return cursor.line()
        }
    }

    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var at = 0

        mutating func line() -> DeclaredLine? {
            guard take(DeclaredLineReader.prefix) else { return nil }
            var texts = [String?](repeating: nil, count: LineField.allCases.count)
            var numbers = [Int64?](repeating: nil, count: LineField.allCases.count)
            var seen: UInt32 = 0
            var next = 0
            repeat {
                // A key given twice is JSONDecoder's to settle.
                guard let field = key(expected: next), seen & (1 << field.rawValue) == 0 else { return nil }
                seen |= 1 << field.rawValue
                next = field.rawValue + 1
                // A value of the wrong kind is JSONDecoder's to report.
                if field.isNumber {
                    guard let value = number() else { return nil }
                    numbers[field.rawValue] = value
                } else {
                    guard let value = text() else { return nil }
                    texts[field.rawValue] = value
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")), take(UInt8(ascii: "}")), at == bytes.count else { return nil }
            return DeclaredLine(texts: texts, numbers: numbers)
        }

        func peek() -> UInt8? { at < bytes.count ? bytes[at] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek() == byte else { return false }
            at += 1
            return true
        }

        mutating func take(_ expected: [UInt8]) -> Bool {
            guard bytes.count - at >= expected.count else { return false }
            for (offset, byte) in expected.enumerated() where bytes[at + offset] != byte { return false }
            at += expected.count
            return true
        }

        /// `"name":` for a known name. Keys come in sorted order, so the field after the
        /// previous one is tried first (nearly always right); then every field.
        mutating func key(expected: Int) -> LineField? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = at
            while let byte = peek(), byte != UInt8(ascii: "\"") { at += 1 }
            let name = UnsafeRawBufferPointer(rebasing: bytes[start..<at])
            guard take(UInt8(ascii: "\"")), take(UInt8(ascii: ":")) else { return nil }
            let keys = DeclaredLineReader.keys
            if expected < keys.count, Self.same(keys[expected].bytes, name) { return keys[expected].field }
            return keys.first { Self.same($0.bytes, name) }?.field
        }

        private static func same(_ key: [UInt8], _ name: UnsafeRawBufferPointer) -> Bool {
            key.count == name.count
                && key.withUnsafeBytes { memcmp($0.baseAddress!, name.baseAddress!, key.count) == 0 }
        }

        /// A quoted text of printable ASCII without a backslash.
        mutating func text() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = at
            while let byte = peek(), byte != UInt8(ascii: "\"") {
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
                at += 1
            }
            let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            return take(UInt8(ascii: "\"")) ? value : nil
        }

        /// A whole number as JSONEncoder writes one: an optional minus and digits, no
        /// leading zero, within Int64.
        mutating func number() -> Int64? {
            let negative = take(UInt8(ascii: "-"))
            let start = at
            var value: Int64 = 0
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                let digit = Int64(byte - UInt8(ascii: "0"))
                let (shifted, overflowTimes) = value.multipliedReportingOverflow(by: 10)
                let (next, overflowPlus) =
                    negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                guard !overflowTimes, !overflowPlus else { return nil }
                value = next
                at += 1
            }
            let digits = at - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            return value
        }
    }
}

/// The body's fields, in JSONEncoder's sorted order.
private enum LineField: Int, CaseIterable {
    case aanbieder, amountCents, client, declaratieNummer, eenheid, gemeente, lineID, periodEnd, periodStart,
        productCategorie, productCode, receivedOn, referentieNummer, tariffCents, toewijzingNummer, v, volume,
        vorigReferentieNummer

    var key: [UInt8] { Array(String(describing: self).utf8) }

    var isNumber: Bool {
        switch self {
        case .amountCents, .lineID, .tariffCents, .v, .volume: true
        default: false
        }
    }
}

extension DeclaredLine {
    /// nil when a required field is missing or a day is not `YYYY-MM-DD`: JSONDecoder
    /// then says what is wrong.
    fileprivate init?(texts: [String?], numbers: [Int64?]) {
        func text(_ field: LineField) -> String? { texts[field.rawValue] }
        func number(_ field: LineField) -> Int64? { numbers[field.rawValue] }
        func day(_ field: LineField) -> Day? { text(field).flatMap { Day(iso: $0) } }
        guard
            let v = number(.v), let version = Int(exactly: v), let lineID = number(.lineID),
            let aanbieder = text(.aanbieder), let gemeente = text(.gemeente), let client = text(.client),
            let referentieNummer = text(.referentieNummer), let productCategorie = text(.productCategorie),
            let periodStart = day(.periodStart), let periodEnd = day(.periodEnd), let volume = number(.volume),
            let eenheid = text(.eenheid), let amountCents = number(.amountCents),
            let declaratieNummer = text(.declaratieNummer), let receivedOn = day(.receivedOn)
        else { return nil }
        self.init(
            lineID: lineID, aanbieder: aanbieder, gemeente: gemeente, client: client,
            referentieNummer: referentieNummer, vorigReferentieNummer: text(.vorigReferentieNummer),
            toewijzingNummer: text(.toewijzingNummer), productCategorie: productCategorie,
            productCode: text(.productCode), periodStart: periodStart, periodEnd: periodEnd, volume: volume,
            eenheid: eenheid, tariffCents: number(.tariffCents), amountCents: amountCents,
            declaratieNummer: declaratieNummer, receivedOn: receivedOn)
        self.v = version
    }
}
