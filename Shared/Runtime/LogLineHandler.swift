import Foundation
import Logging
import Synchronization

/// Writes one structured line per log event to standard error:
/// `ts=2026-11-23T11:15:02.123+01:00 level=info service=intake msg="answer sent" message.id=42`.
///
/// Lines are logfmt, every field `key=value` (the time too, RFC 3339 in the host's zone
/// with its offset, so lines from hosts in different zones sort and compare), so
/// operators can grep and ship them as is (Loki, Vector, `lnav` read them unchanged). Data goes into metadata
/// with dotted keys, never into the message (STYLE.md); a BSN is never logged at all.
public struct LogLineHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    /// One lock for all handlers so lines from different threads never interleave.
    private static let output = Mutex<Void>(())

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = "ts=" + Self.timestamp(Date(), in: .current)
        line += " level=\(event.level.rawValue) service=\(label) msg=\(Self.quote("\(event.message)"))"
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            line += " \(key)=\(Self.quote("\(merged[key]!)"))"
        }
        line += "\n"
        Self.output.withLock { _ in
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// RFC 3339 with milliseconds and the zone's offset (`+01:00`, `+00:00`; never `Z`).
    static func timestamp(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d%@%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
            c.hour ?? 0, c.minute ?? 0, c.second ?? 0, (c.nanosecond ?? 0) / 1_000_000, sign, abs(offset) / 3600,
            abs(offset) % 3600 / 60)
    }

    static func quote(_ value: String) -> String {
        let plain = !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || "-_.:/@".contains($0) }
        if plain { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }

    /// Bootstraps swift-log once per process, from an executable's `main` only.
    public static func bootstrap(service: String, level: String) {
        let parsed = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { _ in LogLineHandler(label: service, level: parsed) }
    }
}
