import Foundation
import Logging
import Synchronization

/// Writes one structured line per log event to standard error:
/// `2026-11-23T10:15:02.123Z level=info service=intake msg="answer sent" message.id=42`.
///
/// Lines are logfmt so operators can grep and ship them as is. Data goes into metadata
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
        var line = Date().formatted(.iso8601.time(includingFractionalSeconds: true).year().month().day())
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
