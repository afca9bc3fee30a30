import Foundation

/// `alert.acknowledged`: a person took an alert on; notifier stops repeating and escalating it.
public struct AlertAcknowledged: EventBody {
    public static let kind = EventKind.alertAcknowledged
    public var v: Int = 1
    public var alertID: Int64
    public var normID: Int64
    public var by: String
    public var note: String
    public var at: Date

    public init(alertID: Int64, normID: Int64, by: String, note: String, at: Date) {
        self.alertID = alertID
        self.normID = normID
        self.by = by
        self.note = note
        self.at = at
    }
}

/// `alert.silenced`: no notifications about these alerts until `until`.
public struct AlertSilenced: EventBody {
    public static let kind = EventKind.alertSilenced
    public var v: Int = 1
    public var alertIDs: [Int64]
    public var normID: Int64?
    public var until: Date
    public var by: String
    public var reason: String
    public var at: Date

    public init(alertIDs: [Int64], normID: Int64?, until: Date, by: String, reason: String, at: Date) {
        self.alertIDs = alertIDs
        self.normID = normID
        self.until = until
        self.by = by
        self.reason = reason
        self.at = at
    }
}

/// `alert.escalated`: nobody acknowledged an alert in time; these people were told.
public struct AlertEscalated: EventBody {
    public static let kind = EventKind.alertEscalated
    public var v: Int = 1
    public var alertID: Int64
    public var normID: Int64
    /// Escalation addresses (officials' work addresses, never client data).
    public var to: [String]
    public var at: Date

    public init(alertID: Int64, normID: Int64, to: [String], at: Date) {
        self.alertID = alertID
        self.normID = normID
        self.to = to
        self.at = at
    }
}
