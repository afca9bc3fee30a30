import Foundation
import GRDB
import Synchronization

/// The one way a store writes a time: ISO 8601 text in UTC, in whole seconds
/// (`2026-12-04T13:25:54Z`, always 20 characters for years 1000–9999), so SQLite's text
/// order is time order and times compare in SQL (`nextAttemptAt <= ?`) with the text
/// bound as the argument. A fraction of a second is dropped, never rounded up.
public enum Timestamp {
    private static let last = Mutex<(Date, String)?>(nil)

    /// Formatting a date is costly next to a row insert, and a batch stamps many rows with
    /// the same instant, so the last text is kept.
    public static func iso8601(_ date: Date) -> String {
        if let (cached, text) = last.withLock({ $0 }), cached == date { return text }
        let text = date.formatted(.iso8601)
        last.withLock { $0 = (date, text) }
        return text
    }

    /// The instant a stored text names, or nil for text that is no timestamp.
    public static func date(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    /// SQL that turns Unix seconds (a REAL column of an older release) into the stored
    /// text, exactly as `iso8601` writes the same instant: the fraction is cut off first,
    /// as Swift's formatter does (SQLite's `'unixepoch'` alone rounds to milliseconds,
    /// which can carry into the next second). NULL stays NULL. Migrations use it: never
    /// change its text; another encoding would get a function of its own.
    public static func sqlText(fromUnixSeconds column: String) -> String {
        "strftime('%Y-%m-%dT%H:%M:%SZ', CAST(\(column) AS INTEGER), 'unixepoch')"
    }

    /// A CHECK constraint's expression: the column holds this text (or is NULL). Used by
    /// migrations, like `sqlText`: never changed.
    public static func sqlCheck(_ column: String) -> String {
        "\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'"
    }
}

/// A record whose dates are stored as `Timestamp` writes them, through `Timestamp`
/// itself both ways (a text that is no timestamp fails to decode).
public protocol TimestampedRecord: FetchableRecord {}

extension TimestampedRecord {
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { value in String.fromDatabaseValue(value).flatMap(Timestamp.date) }
    }
}

extension TimestampedRecord where Self: EncodableRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { Timestamp.iso8601($0) }
    }
}
