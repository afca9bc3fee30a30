import Foundation

/// The admin sockets' JSON: a request names its command; a reply says ok with a result,
/// or not ok with a Dutch error text the CLI can print as is.
public struct AdminCommandName: Codable, Sendable {
    public var command: String
    /// Chosen by the client and sent again on a retry: a service answers a request id it
    /// has done before with the stored result (see Storage's `AdminReplies`).
    public var requestID: String?
}

/// A request with the client's request id beside its own fields, in one JSON object.
public struct IdentifiedAdminRequest<Request: Encodable>: Encodable {
    public var request: Request
    public var requestID: String

    public init(_ request: Request, requestID: String) {
        self.request = request
        self.requestID = requestID
    }

    private enum Keys: String, CodingKey { case requestID }

    public func encode(to encoder: any Encoder) throws {
        try request.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(requestID, forKey: .requestID)
    }
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
