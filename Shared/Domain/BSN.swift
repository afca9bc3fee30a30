/// A Burgerservicenummer: nine digits passing the 11-test.
///
/// Only intake ever holds one. `description` hides the number so a BSN cannot reach a
/// log line by accident through string interpolation.
public struct BSN: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        value = text
    }

    /// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), nine ASCII digits, not all zero.
    public static func isValid(_ text: String) -> Bool {
        let digits = text.utf8.map { Int($0) - 48 }
        guard digits.count == 9, digits.allSatisfy({ (0...9).contains($0) }), digits.contains(where: { $0 != 0 })
        else { return false }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            sum += index == 8 ? -digit : (9 - index) * digit
        }
        return sum % 11 == 0
    }

    /// A made-up number that passes the 11-test, from a counter (8 digits from 20,000,000
    /// on, then the check digit), for demos, load and benchmarks; nil when the counter has
    /// no check digit (the sum leaves 10).
    public static func synthetic(_ number: Int) -> String? {
        let digits = String(format: "%08d", 20_000_000 + number).utf8.map { Int($0) - 48 }
        let sum = digits.enumerated().reduce(0) { $0 + (9 - $1.offset) * $1.element }
        let check = sum % 11
        return check == 10 ? nil : String(format: "%08d%d", 20_000_000 + number, check)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Self.isValid(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid BSN"))
        }
        value = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { "BSN(***)" }
}
