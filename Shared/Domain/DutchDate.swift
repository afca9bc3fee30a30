import Foundation

/// Dates and times as a Dutch reader expects them: "3 december 2026" and
/// "3 december 2026, 00:00" in Europe/Amsterdam. An ISO stamp in UTC
/// (`2026-12-02T23:00:00Z`) reads as the day before to someone in Nijmegen.
public enum DutchDate {
    public static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]

    /// "3 december 2026".
    public static func text(_ day: Day) -> String {
        "\(day.day) \(monthNames[day.monthNumber - 1]) \(day.year)"
    }

    /// "december 2026", for a month of care.
    public static func text(_ month: Month) -> String {
        "\(monthNames[month.month - 1]) \(month.year)"
    }

    /// "3 december 2026, 14:05", the wall-clock time in the Netherlands.
    public static func text(_ date: Date, timeZone: TimeZone = Day.amsterdam) -> String {
        let day = Day(date: date, timeZone: timeZone)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let minuteOfDay = ((seconds % 86_400) + 86_400) % 86_400 / 60
        let hour = minuteOfDay / 60
        let minute = minuteOfDay % 60
        return "\(text(day)), \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// The same for an ISO 8601 stamp as the read model stores it; the stamp itself when
    /// it is not one (never an error on a page).
    public static func text(iso stamp: String) -> String {
        guard let date = try? Date(stamp, strategy: .iso8601) else { return stamp }
        return text(date)
    }
}
