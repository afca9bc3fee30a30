import Foundation
import Synchronization

/// ISO 8601 text for stored timestamps. Formatting a date is costly next to a row
/// insert, and a batch stamps many rows with the same instant, so the last text is kept.
public enum Timestamp {
    private static let last = Mutex<(Date, String)?>(nil)

    public static func iso8601(_ date: Date) -> String {
        if let (cached, text) = last.withLock({ $0 }), cached == date { return text }
        let text = date.formatted(.iso8601)
        last.withLock { $0 = (date, text) }
        return text
    }
}
