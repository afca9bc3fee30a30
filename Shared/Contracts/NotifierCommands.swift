import Domain
import Foundation

/// `subscription.add`: one person and their routing rule.
public struct SubscriptionAddRequest: AdminRequest {
    public static let command = AdminCommand.subscriptionAdd
    public typealias Reply = Subscription
    public private(set) var command = Self.command
    public var subscription: Subscription
    public init(_ subscription: Subscription) { self.subscription = subscription }
}

/// `subscription.import`: a whole set at once, stored in one transaction or not at all.
public struct SubscriptionImportRequest: AdminRequest {
    public static let command = AdminCommand.subscriptionImport
    public typealias Reply = [Subscription]
    public private(set) var command = Self.command
    public var subscriptions: [Subscription]
    public init(_ subscriptions: [Subscription]) { self.subscriptions = subscriptions }
}

/// `subscription.remove`: stop sending to this subscription (its history stays).
public struct SubscriptionRemoveRequest: AdminRequest {
    public static let command = AdminCommand.subscriptionRemove
    public typealias Reply = AdminEmpty
    public private(set) var command = Self.command
    public var id: Int64
    public init(id: Int64) { self.id = id }
}

public struct SubscriptionListRequest: AdminRequest {
    public static let command = AdminCommand.subscriptionList
    public typealias Reply = [Subscription]
    public private(set) var command = Self.command
    public init() {}
}

/// `alert.ack`: a person says they act on this alert; repeats and escalation stop.
public struct AlertAckRequest: AdminRequest {
    public static let command = AdminCommand.alertAck
    public typealias Reply = AlertAcknowledged
    public private(set) var command = Self.command
    public var alertID: Int64
    public var by: String
    public var note: String
    public init(alertID: Int64, by: String, note: String) {
        self.alertID = alertID
        self.by = by
        self.note = note
    }
}

/// `alert.silence`: no notifications about one alert, or all alerts of one norm, until a day.
public struct AlertSilenceRequest: AdminRequest {
    public static let command = AdminCommand.alertSilence
    public typealias Reply = AlertSilenced
    public private(set) var command = Self.command
    public var alertID: Int64?
    public var normID: Int64?
    /// The silence ends at the start of this day (Europe/Amsterdam).
    public var until: Day
    public var by: String
    public var reason: String
    public init(alertID: Int64?, normID: Int64?, until: Day, by: String, reason: String) {
        self.alertID = alertID
        self.normID = normID
        self.until = until
        self.by = by
        self.reason = reason
    }
}

/// `notify.log`: the audit, per alert, of who was told what, when and how.
public struct NotifyLogRequest: AdminRequest {
    public static let command = AdminCommand.notifyLog
    public typealias Reply = [AlertAudit]
    public private(set) var command = Self.command
    public var alertID: Int64?
    public init(alertID: Int64?) { self.alertID = alertID }
}

/// One alert's audit entry.
public struct AlertAudit: Codable, Sendable, Equatable {
    public var alertID: Int64
    public var normID: Int64
    public var normName: String
    public var alertKind: AlertKind
    public var threshold: Int
    public var severity: AlertSeverity
    public var state: String
    public var receivedAt: Date
    public var acknowledgedBy: String?
    public var acknowledgedNote: String?
    public var acknowledgedAt: Date?
    public var silencedUntil: Date?
    public var silencedBy: String?
    public var escalatedAt: Date?
    public var notifications: [NotificationAudit]

    public init(
        alertID: Int64, normID: Int64, normName: String, alertKind: AlertKind, threshold: Int,
        severity: AlertSeverity, state: String, receivedAt: Date, acknowledgedBy: String?,
        acknowledgedNote: String?, acknowledgedAt: Date?, silencedUntil: Date?, silencedBy: String?,
        escalatedAt: Date?, notifications: [NotificationAudit]
    ) {
        self.alertID = alertID
        self.normID = normID
        self.normName = normName
        self.alertKind = alertKind
        self.threshold = threshold
        self.severity = severity
        self.state = state
        self.receivedAt = receivedAt
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedNote = acknowledgedNote
        self.acknowledgedAt = acknowledgedAt
        self.silencedUntil = silencedUntil
        self.silencedBy = silencedBy
        self.escalatedAt = escalatedAt
        self.notifications = notifications
    }
}

/// One message about an alert: what (`event`), to whom, through which channel, and how it went.
public struct NotificationAudit: Codable, Sendable, Equatable {
    public var notificationID: Int64?
    /// firing, resolved, repeat or escalation.
    public var event: String
    public var channel: String
    public var recipient: String
    public var address: String
    public var messageID: String?
    /// waiting (grouping), suppressed (silenced or acknowledged), pending, sent or failed.
    public var state: String
    public var attempts: Int
    public var queuedAt: Date
    public var sentAt: Date?
    public var lastError: String?

    public init(
        notificationID: Int64?, event: String, channel: String, recipient: String, address: String,
        messageID: String?, state: String, attempts: Int, queuedAt: Date, sentAt: Date?, lastError: String?
    ) {
        self.notificationID = notificationID
        self.event = event
        self.channel = channel
        self.recipient = recipient
        self.address = address
        self.messageID = messageID
        self.state = state
        self.attempts = attempts
        self.queuedAt = queuedAt
        self.sentAt = sentAt
        self.lastError = lastError
    }
}

/// `notifier.status`: what identifies this notifier, for an operator comparing installations.
public struct NotifierStatusRequest: AdminRequest {
    public static let command = AdminCommand.notifierStatus
    public typealias Reply = NotifierStatus
    public private(set) var command = Self.command
    public init() {}
}

public struct NotifierStatus: Codable, Sendable, Equatable {
    /// Part of every Message-ID and webhook `Idempotency-Key` this installation sends.
    public var installationID: String
    public init(installationID: String) { self.installationID = installationID }
}

/// `notify.decisions`: what people decided about one norm as notifier heard it from
/// monitor's log (stops imposed and lifted), for the audit beside the alerts.
public struct NormDecisionsRequest: AdminRequest {
    public static let command = AdminCommand.notifyDecisions
    public typealias Reply = [NormDecisionAudit]
    public private(set) var command = Self.command
    public var normID: Int64
    public init(normID: Int64) { self.normID = normID }
}

public struct NormDecisionAudit: Codable, Sendable, Equatable {
    /// `stop.imposed` or `stop.lifted`.
    public var kind: String
    public var normID: Int64
    public var by: String
    public var reason: String
    public var at: Date
    public init(kind: String, normID: Int64, by: String, reason: String, at: Date) {
        self.kind = kind
        self.normID = normID
        self.by = by
        self.reason = reason
        self.at = at
    }
}
