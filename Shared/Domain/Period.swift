/// A closed range of days (both ends included), like a DeclaratiePeriode or a norm's
/// period; with the labels people use for report periods: 2026, 2026-H1, 2026-Q3, 2026-07.
public struct Period: Sendable, Hashable, Codable {
    public let start: Day
    public let end: Day

    public init?(start: Day, end: Day) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// Whether any day of `month` lies in the period.
    public func contains(_ month: Month) -> Bool { month.firstDay <= end && start <= month.lastDay }

    public var months: [Month] {
        var result: [Month] = []
        var month = start.month
        while month <= end.month {
            result.append(month)
            month = month.next
        }
        return result
    }

    /// Exactly one calendar month, first to last day.
    public var isWholeMonth: Bool { start.day == 1 && end == start.month.lastDay }

    /// Both ends in the same calendar month.
    public var isInsideOneMonth: Bool { start.month == end.month }

    public static func year(_ year: Int) -> Period {
        Period(start: Day(year: year, month: 1, day: 1)!, end: Day(year: year, month: 12, day: 31)!)!
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> Period {
        let first = Month(year: year, month: (quarter - 1) * 3 + 1)!
        return Period(start: first.firstDay, end: first.adding(months: 2).lastDay)!
    }

    public static func half(_ year: Int, _ half: Int) -> Period {
        let first = Month(year: year, month: (half - 1) * 6 + 1)!
        return Period(start: first.firstDay, end: first.adding(months: 5).lastDay)!
    }

    public static func month(_ month: Month) -> Period {
        Period(start: month.firstDay, end: month.lastDay)!
    }

    /// Parses `2026`, `2026-Q3`, `2026-H1` or `2026-07`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), (1...9999).contains(year) else {
            return nil
        }
        if parts.count == 1 {
            self = .year(year)
            return
        }
        guard parts.count == 2 else { return nil }
        let rest = parts[1]
        if rest.count == 2, rest.hasPrefix("Q"), let q = Int(rest.dropFirst()), (1...4).contains(q) {
            self = .quarter(year, q)
        } else if rest.count == 2, rest.hasPrefix("H"), let h = Int(rest.dropFirst()), (1...2).contains(h) {
            self = .half(year, h)
        } else if let month = Month(text) {
            self = .month(month)
        } else {
            return nil
        }
    }

    /// The label this period is known by, or `start/end` when it has none.
    public var label: String {
        let y = start.year
        if self == .year(y) { return String(y) }
        for h in 1...2 where self == .half(y, h) { return "\(y)-H\(h)" }
        for q in 1...4 where self == .quarter(y, q) { return "\(y)-Q\(q)" }
        if isWholeMonth { return start.month.description }
        return "\(start.iso)/\(end.iso)"
    }
}
