import Contracts
import Foundation
import GRDB
import Logging
import Runtime
import Storage

/// Answers `plafond` admin requests for notifier (one JSON document in, one out):
/// subscriptions, acknowledgements, silences and the audit log, one handler per request
/// type, each returning that type's reply (`AdminHandlers`).
public struct NotifierAdmin: Sendable {
    let handlers: AdminHandlers
    let logger: Logger

    public init(
        database: NotifierDatabase, settings: NotifierConfiguration, clock: @escaping @Sendable () -> Date = Date.init,
        changed: @escaping @Sendable () -> Void, logger: Logger
    ) {
        let people = PeopleInTheLoop(timing: NotificationTiming(settings: settings))
        let once = Once(database: database, clock: clock)
        var handlers = AdminHandlers()
        handlers.on(SubscriptionAddRequest.self) { request, id in
            try Self.validate([request.subscription])
            let stored = try once.write(request, id) { db, now in
                try SubscriptionStore.add(db, request.subscription, now: now)
            }
            logger.info("subscription added", metadata: ["subscription.id": "\(stored.id ?? 0)"])
            return stored
        }
        handlers.on(SubscriptionImportRequest.self) { request, id in
            try Self.validate(request.subscriptions)
            let stored = try once.write(request, id) { db, now in
                try request.subscriptions.map { try SubscriptionStore.add(db, $0, now: now) }
            }
            logger.info("subscriptions imported", metadata: ["count": "\(stored.count)"])
            return stored
        }
        handlers.on(SubscriptionRemoveRequest.self) { request, id in
            guard try once.write(request, id, { db, _ in try SubscriptionStore.remove(db, id: request.id) }) else {
                throw NotifierError(.notFound, "abonnement \(request.id) bestaat niet of is al opgezegd")
            }
            return AdminEmpty()
        }
        handlers.on(SubscriptionListRequest.self) { _, _ in try database.writer.read(SubscriptionStore.active) }
        handlers.on(AlertAckRequest.self) { request, id in
            let event = try once.write(request, id) { db, now in try people.acknowledge(db, request, now: now) }
            changed()
            logger.info("alert acknowledged", metadata: ["alert.id": "\(event.alertID)"])
            return event
        }
        handlers.on(AlertSilenceRequest.self) { request, id in
            let event = try once.write(request, id) { db, now in try people.silence(db, request, now: now) }
            changed()
            logger.info("alerts silenced", metadata: ["alert.ids": "\(event.alertIDs)"])
            return event
        }
        handlers.on(NotifierStatusRequest.self) { _, _ in
            NotifierStatus(installationID: try database.installationID())
        }
        handlers.on(NormDecisionsRequest.self) { request, _ in
            try database.writer.read { try NormDecisions.of($0, normID: request.normID) }
        }
        handlers.on(NotifyLogRequest.self) { request, _ in
            try database.writer.read { try NotifyLog.entries($0, alertID: request.alertID) }
        }
        self.handlers = handlers
        self.logger = logger
    }

    public func handle(_ request: Data) -> Data {
        do {
            return try handlers.answer(request) { NotifierError(.unknownCommand, "onbekende opdracht \($0)") }
        } catch {
            logger.warning("admin request refused", metadata: ["error": "\(error)"])
            let text = (error as? NotifierError)?.message ?? "ongeldig verzoek: \(error)"
            return (try? AdminCoding.encode(AdminReply<AdminEmpty>.failure(text))) ?? Data()
        }
    }

    /// One admin command's write transaction at the clock's now, done once per request id
    /// (`AdminReplies`): a repeat of the id gets the stored reply.
    private struct Once: Sendable {
        let database: NotifierDatabase
        let clock: @Sendable () -> Date

        /// `Result` is what is stored under the request id: the reply, or what it is made from.
        func write<R: AdminRequest, Result: Codable>(
            _ request: R, _ requestID: String?, _ body: (Database, Date) throws -> Result
        ) throws -> Result {
            let now = clock()
            return try database.writer.write { db in
                try AdminReplies.once(db, requestID: requestID, command: R.command.rawValue, now: now) {
                    try body(db, now)
                }
            }
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
