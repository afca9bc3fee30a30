import Foundation

/// A whole multipart message as received, and who sent it when CURVE was used: the
/// identity the ZAP handler returned for the peer's key ("User-Id").
public struct ZMQMessage: Sendable, Equatable {
    public var parts: [Data]
    public var userId: String?

    public init(parts: [Data], userId: String? = nil) {
        self.parts = parts
        self.userId = userId
    }
}
