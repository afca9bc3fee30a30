import Foundation

/// The event log on the wire (see docs/EVENT-LOG.md):
///
/// - PUB: `[kind][seq: 8 bytes big-endian][body]`; a heartbeat is kind `heartbeat` with
///   the latest committed seq and an empty body, once a second.
/// - catch-up request (DEALER → ROUTER): `["fetch"][after: 8][limit: 4][requestId: 8]`.
/// - catch-up reply: `["batch"][requestId: 8][latest: 8]` then `[kind][seq][body]` per event,
///   or `["error"][text]` for a request it cannot read.
public enum EventLogWire {
    public static let heartbeat = "heartbeat"
    /// The most events one catch-up reply carries (a consumer replaying from zero asks for
    /// 20,000 at a time: ~9 MB on the wire; docs/BENCHMARKS.md, issue 21).
    public static let maxBatch = 20_000

    public static func encode(_ value: Int64) -> Data {
        withUnsafeBytes(of: value.bigEndian) { Data($0) }
    }

    public static func encode(_ value: UInt32) -> Data {
        withUnsafeBytes(of: value.bigEndian) { Data($0) }
    }

    public static func decodeInt64(_ data: Data) -> Int64? {
        guard data.count == 8 else { return nil }
        return data.reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }

    public static func decodeUInt32(_ data: Data) -> UInt32? {
        guard data.count == 4 else { return nil }
        return data.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    public static func eventFrames(_ event: LoggedEvent) -> [Data] {
        [Data(event.kind.utf8), encode(event.seq), event.body]
    }

    public static func heartbeatFrames(latest: Int64) -> [Data] {
        [Data(heartbeat.utf8), encode(latest), Data()]
    }

    /// A PUB message: an event or a heartbeat; nil for anything malformed.
    public enum Published: Equatable {
        case event(LoggedEvent)
        case heartbeat(latest: Int64)
    }

    public static func parsePublished(_ parts: [Data]) -> Published? {
        guard parts.count == 3, let seq = decodeInt64(parts[1]), seq >= 0 else { return nil }
        let kind = String(decoding: parts[0], as: UTF8.self)
        if kind == heartbeat { return .heartbeat(latest: seq) }
        guard seq > 0, !kind.isEmpty else { return nil }
        return .event(LoggedEvent(seq: seq, kind: kind, body: parts[2]))
    }

    public struct FetchRequest: Equatable, Sendable {
        public var after: Int64
        public var limit: Int
        public var requestID: Int64

        public init(after: Int64, limit: Int, requestID: Int64) {
            self.after = after
            self.limit = limit
            self.requestID = requestID
        }
    }

    public static func fetchFrames(_ request: FetchRequest) -> [Data] {
        [Data("fetch".utf8), encode(request.after), encode(UInt32(request.limit)), encode(request.requestID)]
    }

    public static func parseFetch(_ parts: [Data]) -> FetchRequest? {
        guard parts.count == 4, parts[0] == Data("fetch".utf8), let after = decodeInt64(parts[1]), after >= 0,
            let limit = decodeUInt32(parts[2]), let requestID = decodeInt64(parts[3])
        else { return nil }
        return FetchRequest(after: after, limit: min(Int(limit), maxBatch), requestID: requestID)
    }

    public struct BatchReply: Equatable, Sendable {
        public var requestID: Int64
        public var latest: Int64
        public var events: [LoggedEvent]

        public init(requestID: Int64, latest: Int64, events: [LoggedEvent]) {
            self.requestID = requestID
            self.latest = latest
            self.events = events
        }
    }

    public static func batchFrames(_ reply: BatchReply) -> [Data] {
        [Data("batch".utf8), encode(reply.requestID), encode(reply.latest)] + reply.events.flatMap(eventFrames)
    }

    public static func parseBatch(_ parts: [Data]) -> BatchReply? {
        guard parts.count >= 3, (parts.count - 3) % 3 == 0, parts[0] == Data("batch".utf8),
            let requestID = decodeInt64(parts[1]), let latest = decodeInt64(parts[2])
        else { return nil }
        var events: [LoggedEvent] = []
        var index = 3
        while index < parts.count {
            guard let seq = decodeInt64(parts[index + 1]) else { return nil }
            events.append(
                LoggedEvent(seq: seq, kind: String(decoding: parts[index], as: UTF8.self), body: parts[index + 2]))
            index += 3
        }
        return BatchReply(requestID: requestID, latest: latest, events: events)
    }
}
