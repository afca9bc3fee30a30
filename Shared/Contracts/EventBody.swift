import Foundation

/// A fact one service tells the others, as it travels in the event log's body part.
///
/// Bodies are versioned JSON: `v` lets a consumer recognise an older shape after a
/// producer is upgraded; new fields are added as optionals so old consumers keep working.
///
/// `encoded()` and `decoded(from:)` are requirements, not only extension methods, so a
/// type's own faster coder (`IntensityAssessedJSON`, `DeclaredLineJSON`) is the one used
/// where the body is generic too (`Outbox.append(_:_:)`): as extension methods alone,
/// a generic call bound statically to JSONEncoder (docs/BENCHMARKS.md, issue 21).
public protocol EventBody: Codable, Sendable, Equatable {
    static var kind: EventKind { get }
    func encoded() throws -> Data
    static func decoded(from data: Data) throws -> Self
}

extension EventBody {
    public func encoded() throws -> Data {
        try EventCoding.encoder.encode(self)
    }

    public static func decoded(from data: Data) throws -> Self {
        try EventCoding.decoder.decode(Self.self, from: data)
    }
}

/// Sorted keys so the same fact always has the same bytes.
enum EventCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
