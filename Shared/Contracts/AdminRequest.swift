import Foundation

/// An admin request and the reply it gets, as one contract: the CLI's `AdminCall.send`
/// returns `Reply` for it, and a service's handler for it must return a `Reply`
/// (`AdminHandlers`), so the compiler checks both sides of the socket.
///
/// On the wire nothing changes: the request is its own JSON object with its `command`
/// (stored beside its fields, `command` below) and the client's `requestID`; the reply
/// is `AdminReply<Reply>`, `{ok, error, result}`.
public protocol AdminRequest: Codable, Sendable {
    associatedtype Reply: Codable & Sendable
    /// The command this request type, and only this one, carries.
    static var command: AdminCommand { get }
}

extension AdminCommand {
    /// Every request type, one per command: `AdminCommand.allCases` and this list name
    /// the same commands (ContractsTests).
    public static let requestTypes: [any AdminRequest.Type] = [
        NormAddRequest.self, NormChangeRequest.self, NormEndRequest.self, NormHistoryRequest.self,
        NormImportRequest.self, NormListRequest.self, AlertListRequest.self, StopImposeRequest.self,
        StopLiftRequest.self, ExemptRequest.self, CPVDecisionRequest.self, IntensityCPVRequest.self,
        AnalysisRecordRequest.self,
        ProviderImportRequest.self, ProviderListRequest.self,
        SubscriptionAddRequest.self, SubscriptionImportRequest.self, SubscriptionRemoveRequest.self,
        SubscriptionListRequest.self, AlertAckRequest.self, AlertSilenceRequest.self, NotifyLogRequest.self,
        NotifierStatusRequest.self, NormDecisionsRequest.self,
        UserAddRequest.self, UserListRequest.self, UserDisableRequest.self,
    ]
}

/// One service's answers to its admin commands, one handler per request type. A handler
/// for `R` gets the decoded `R` and the client's request id and returns `R.Reply`; the
/// command it answers is `R.command`, so a command cannot be paired with another type's
/// fields or reply.
public struct AdminHandlers: Sendable {
    public typealias Handler<R: AdminRequest> = @Sendable (_ request: R, _ requestID: String?) throws -> R.Reply

    private var answers: [AdminCommand: @Sendable (Data, String?) throws -> Data] = [:]

    public init() {}

    /// Answers `R.command` with `handler`; a second handler for the same command is a
    /// programming error.
    public mutating func on<R: AdminRequest>(_ type: R.Type, _ handler: @escaping Handler<R>) {
        precondition(answers[R.command] == nil, "two admin handlers for \(R.command.rawValue)")
        answers[R.command] = { document, requestID in
            let request = try AdminCoding.decode(R.self, from: document)
            return try AdminCoding.encode(AdminReply.success(try handler(request, requestID)))
        }
    }

    /// The commands answered here.
    public var commands: Set<AdminCommand> { Set(answers.keys) }

    /// The reply document for one request document: its command's handler's result as
    /// `AdminReply.success`. A command not answered here throws `unknown(name)`; a
    /// handler's error is thrown as it is, for the service to word the refusal.
    public func answer(_ document: Data, unknown: (String) -> any Error) throws -> Data {
        let envelope = try AdminCoding.decode(AdminCommandName.self, from: document)
        guard let command = AdminCommand(rawValue: envelope.command), let answer = answers[command] else {
            throw unknown(envelope.command)
        }
        return try answer(document, envelope.requestID)
    }
}
