import Foundation

/// The admin sockets' JSON: a request names its command; a reply says ok with a result,
/// or not ok with a Dutch error text the CLI can print as is.
public struct AdminCommandName: Codable, Sendable {
    public var command: String
}

public struct AdminReply<Result: Codable & Sendable>: Codable, Sendable {
    public var ok: Bool
    public var error: String?
    public var result: Result?

    public static func success(_ result: Result) -> AdminReply { AdminReply(ok: true, error: nil, result: result) }
    public static func failure(_ error: String) -> AdminReply { AdminReply(ok: false, error: error, result: nil) }
}

/// A result-less reply type, for failures and acknowledgements.
public struct AdminEmpty: Codable, Sendable, Equatable {
    public init() {}
}

public enum AdminCoding {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try EventCoding.encoder.encode(value)
    }
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try EventCoding.decoder.decode(type, from: data)
    }
}
