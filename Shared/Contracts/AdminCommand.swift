/// Every command the admin sockets take, named once: the CLI's requests carry it as
/// `command`, each service switches on it, and the reporter's workplace forwards a few.
/// The raw values are the wire's names and never change.
public enum AdminCommand: String, Codable, Sendable, CaseIterable {
    // monitor
    case normAdd = "norm.add"
    case normChange = "norm.change"
    case normEnd = "norm.end"
    case normHistory = "norm.history"
    case normImport = "norm.import"
    case normList = "norm.list"
    case alertList = "alert.list"
    case stopImpose = "stop.impose"
    case stopLift = "stop.lift"
    case exempt = "exempt"
    case cpvDecide = "cpv.decide"
    case cpvIntensity = "cpv.intensity"
    case analysisRecord = "analysis.record"
    case providerImport = "provider.import"
    case providerList = "provider.list"
    // notifier
    case subscriptionAdd = "subscription.add"
    case subscriptionImport = "subscription.import"
    case subscriptionRemove = "subscription.remove"
    case subscriptionList = "subscription.list"
    case alertAck = "alert.ack"
    case alertSilence = "alert.silence"
    case notifyLog = "notify.log"
    case notifierStatus = "notifier.status"
    case notifyDecisions = "notify.decisions"
    // reporter
    case userAdd = "user.add"
    case userList = "user.list"
    case userDisable = "user.disable"

    /// What a logged-in contract manager decides in the reporter's workplace, and the
    /// reporter may therefore forward (Runtime's `AdminAccess`): nothing that rewrites
    /// norms or accounts.
    public static let workplace: Set<AdminCommand> = [
        .alertAck, .alertSilence, .analysisRecord, .stopImpose, .stopLift, .exempt,
    ]
}
