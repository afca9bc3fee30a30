/// An AGB code: the 8-digit identity of a care provider.
public struct AGB: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard DigitCode.isDigits(text, count: 8) else { return nil }
        value = text
    }
    public init(from decoder: any Decoder) throws { value = try DigitCode.decode(decoder, count: 8) }
    public func encode(to encoder: any Encoder) throws { try DigitCode.encode(value, to: encoder) }
    public var description: String { value }
}

/// A gemeente's 4-digit CBS code, e.g. 0268 Nijmegen.
public struct Gemeentecode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard DigitCode.isDigits(text, count: 4) else { return nil }
        value = text
    }
    public init(from decoder: any Decoder) throws { value = try DigitCode.decode(decoder, count: 4) }
    public func encode(to encoder: any Encoder) throws { try DigitCode.encode(value, to: encoder) }
    public var description: String { value }
}

/// Fixed-length codes of ASCII digits, encoded as plain strings.
enum DigitCode {
    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (48...57).contains($0) }
    }

    static func decode(_ decoder: any Decoder, count: Int) throws -> String {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard isDigits(text, count: count) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected \(count) digits"))
        }
        return text
    }

    static func encode(_ value: String, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
