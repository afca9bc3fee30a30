import Contracts
import Foundation
import GRDB
import Logging
import Runtime
import Storage

/// Answers `plafond` admin requests for notifier (one JSON document in, one out):
/// subscriptions, acknowledgements, silences and the audit log.
public struct NotifierAdmin: Sendable {
    let database: NotifierDatabase
    let people: PeopleInTheLoop
    let clock: @Sendable () -> Date
    /// Called after a change that the worker or the event log should act on.
    let changed: @Sendable () -> Void
    let logger: Logger

    public init(
        database: NotifierDatabase, settings: NotifierConfiguration, clock: @escaping @Sendable () -> Date = Date.init,
        changed: @escaping @Sendable () -> Void, logger: Logger
    ) {
        self.database = database
        self.people = PeopleInTheLoop(timing: NotificationTiming(settings: settings))
        self.clock = clock
        self.changed = changed
        self.logger = logger
    }

    public func handle(_ request: Data) -> Data {
        do {
            let envelope = try AdminCoding.decode(AdminCommandName.self, from: request)
            let reply = try answer(envelope.command, requestID: envelope.requestID, request)
            return reply
        } catch {
            logger.warning("admin request refused", metadata: ["error": "\(error)"])
            let text = (error as? NotifierError)?.message ?? "ongeldig verzoek: \(error)"
            return (try? AdminCoding.encode(AdminReply<AdminEmpty>.failure(text))) ?? Data()
        }
    }

    /// One admin command's transaction, done once per request id (`AdminReplies`).
    private func write<Result: Codable>(
        _ requestID: String?, _ command: AdminCommand, now: Date, _ body: (Database) throws -> Result
    ) throws -> Result {
        try database.writer.write { db in
            try AdminReplies.once(db, requestID: requestID, command: command.rawValue, now: now) { try body(db) }
        }
    }

    private func answer(_ name: String, requestID: String?, _ request: Data) throws -> Data {
        let now = clock()
        guard let command = AdminCommand(rawValue: name) else {
            throw NotifierError(.unknownCommand, "onbekende opdracht \(name)")
        }
        switch command {
        case .subscriptionAdd:
            let subscription = try AdminCoding.decode(SubscriptionAddRequest.self, from: request).subscription
            try Self.validate([subscription])
            let stored = try write(requestID, command, now: now) {
                try SubscriptionStore.add($0, subscription, now: now)
            }
            logger.info("subscription added", metadata: ["subscription.id": "\(stored.id ?? 0)"])
            return try AdminCoding.encode(AdminReply.success(stored))
        case .subscriptionImport:
            let subscriptions = try AdminCoding.decode(SubscriptionImportRequest.self, from: request).subscriptions
            try Self.validate(subscriptions)
            let stored = try write(requestID, command, now: now) { db in
                try subscriptions.map { try SubscriptionStore.add(db, $0, now: now) }
            }
            logger.info("subscriptions imported", metadata: ["count": "\(stored.count)"])
            return try AdminCoding.encode(AdminReply.success(stored))
        case .subscriptionRemove:
            let id = try AdminCoding.decode(SubscriptionRemoveRequest.self, from: request).id
            guard try write(requestID, command, now: now, { try SubscriptionStore.remove($0, id: id) }) else {
                throw NotifierError(.notFound, "abonnement \(id) bestaat niet of is al opgezegd")
            }
            return try AdminCoding.encode(AdminReply.success(AdminEmpty()))
        case .subscriptionList:
            return try AdminCoding.encode(AdminReply.success(try database.writer.read(SubscriptionStore.active)))
        case .alertAck:
            let ack = try AdminCoding.decode(AlertAckRequest.self, from: request)
            let event = try write(requestID, command, now: now) { try people.acknowledge($0, ack, now: now) }
            changed()
            logger.info("alert acknowledged", metadata: ["alert.id": "\(event.alertID)"])
            return try AdminCoding.encode(AdminReply.success(event))
        case .alertSilence:
            let silence = try AdminCoding.decode(AlertSilenceRequest.self, from: request)
            let event = try write(requestID, command, now: now) { try people.silence($0, silence, now: now) }
            changed()
            logger.info("alerts silenced", metadata: ["alert.ids": "\(event.alertIDs)"])
            return try AdminCoding.encode(AdminReply.success(event))
        case .notifierStatus:
            return try AdminCoding.encode(
                AdminReply.success(NotifierStatus(installationID: try database.installationID())))
        case .notifyDecisions:
            let normID = try AdminCoding.decode(NormDecisionsRequest.self, from: request).normID
            return try AdminCoding.encode(
                AdminReply.success(try database.writer.read { try NormDecisions.of($0, normID: normID) }))
        case .notifyLog:
            let alertID = try AdminCoding.decode(NotifyLogRequest.self, from: request).alertID
            return try AdminCoding.encode(
                AdminReply.success(try database.writer.read { try NotifyLog.entries($0, alertID: alertID) }))
        default:
            throw NotifierError(.unknownCommand, "onbekende opdracht \(name)")
        }
    }

    private static func validate(_ subscriptions: [Subscription]) throws {
        for (index, subscription) in subscriptions.enumerated() {
            let problems = subscription.problems
            guard problems.isEmpty else {
                let which = subscriptions.count > 1 ? "abonnement \(index + 1) (\(subscription.name)): " : ""
                throw NotifierError(.invalidRequest, which + problems.joined(separator: "; "))
            }
        }
    }
}
