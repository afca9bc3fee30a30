/// Every kind of fact in the event logs, in the past tense.
public struct EventKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // intake
    public static let lineAccepted = EventKind(rawValue: "line.accepted")
    public static let lineCredited = EventKind(rawValue: "line.credited")
    public static let allocationReceived = EventKind(rawValue: "allocation.recorded")
    public static let careStarted = EventKind(rawValue: "care.started")
    public static let careStopped = EventKind(rawValue: "care.stopped")
    public static let referralRequested = EventKind(rawValue: "referral.recorded")
    // monitor
    public static let normChanged = EventKind(rawValue: "norm.changed")
    public static let alertFiring = EventKind(rawValue: "alert.firing")
    public static let alertResolved = EventKind(rawValue: "alert.resolved")
    public static let stopAdvised = EventKind(rawValue: "stop.advised")
    public static let stopImposed = EventKind(rawValue: "stop.imposed")
    public static let stopLifted = EventKind(rawValue: "stop.lifted")
    public static let inflowDuringStop = EventKind(rawValue: "inflow.during.stop")
    public static let bestedingsruimteAdvised = EventKind(rawValue: "bestedingsruimte.advised")
    public static let intensityAssessed = EventKind(rawValue: "intensity.assessed")
    public static let openingWeeksAbove = EventKind(rawValue: "opening.weeks.above")
    public static let careDurationAbove = EventKind(rawValue: "care.duration.above")
    public static let providerNamed = EventKind(rawValue: "provider.named")
    public static let analysisRecorded = EventKind(rawValue: "analysis.recorded")
    public static let cpvDecided = EventKind(rawValue: "cpv.decided")
    public static let cpvIntensityDecided = EventKind(rawValue: "cpv.intensity.decided")
    // notifier
    public static let notificationSent = EventKind(rawValue: "notification.sent")
    public static let notificationFailed = EventKind(rawValue: "notification.failed")
    public static let alertAcknowledged = EventKind(rawValue: "alert.acknowledged")
    public static let alertSilenced = EventKind(rawValue: "alert.silenced")
    public static let alertEscalated = EventKind(rawValue: "alert.escalated")
}
