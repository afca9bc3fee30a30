import Foundation
import Runtime

/// When a group of waiting alert events becomes a message, and when an alert is
/// repeated or escalated: Alertmanager's group_wait, group_interval and repeat_interval,
/// plus the daily digest and escalation. Pure: the clock is an argument.
struct NotificationTiming: Sendable {
    var groupWait: TimeInterval
    var groupInterval: TimeInterval
    var repeatInterval: TimeInterval
    var escalateAfter: TimeInterval
    var digestHour: Int
    var calendar: Calendar

    init(settings: NotifierConfiguration) {
        groupWait = settings.groupWait.seconds
        groupInterval = settings.groupInterval.seconds
        repeatInterval = settings.repeatInterval.seconds
        escalateAfter = settings.escalateAfter.seconds
        digestHour = min(max(settings.digestHour, 0), 23)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        self.calendar = calendar
    }

    /// The moment a group flushes: `groupWait` after its first waiting event, but not
    /// sooner than `groupInterval` after the group's previous message. A digest group
    /// flushes at the first digest hour after its first event.
    func flushTime(kind: String, firstWaiting: Date, previousMessage: Date?) -> Date {
        if kind == "digest" {
            return calendar.nextDate(
                after: firstWaiting, matching: DateComponents(hour: digestHour, minute: 0, second: 0),
                matchingPolicy: .nextTime) ?? firstWaiting.addingTimeInterval(86_400)
        }
        let wait = firstWaiting.addingTimeInterval(groupWait)
        guard let previousMessage else { return wait }
        return max(wait, previousMessage.addingTimeInterval(groupInterval))
    }

    /// The start of `day` in Europe/Amsterdam, when a silence "until" that day ends.
    func startOf(year: Int, month: Int, day: Int) -> Date? {
        calendar.date(from: DateComponents(year: year, month: month, day: day))
    }
}
