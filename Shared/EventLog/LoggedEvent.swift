import Foundation

/// One fact in a producer's event log: a gap-free sequence number, its kind and its body
/// (versioned JSON; the log itself does not look inside).
public struct LoggedEvent: Sendable, Equatable {
    public let seq: Int64
    public let kind: String
    public let body: Data

    public init(seq: Int64, kind: String, body: Data) {
        self.seq = seq
        self.kind = kind
        self.body = body
    }
}

/// Where a publisher reads its log (the producer's outbox table).
public protocol EventSource: Sendable {
    func latestSequence() throws -> Int64
    func events(after seq: Int64, limit: Int) throws -> [LoggedEvent]
}

/// Where a subscriber applies a log. `apply` must write the effects and the new cursor
/// in one transaction; it is only given contiguous events from `appliedSequence() + 1`.
public protocol EventSink: Sendable {
    func appliedSequence() throws -> Int64
    func apply(_ events: [LoggedEvent]) throws
}
