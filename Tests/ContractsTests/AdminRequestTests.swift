import Contracts
import Domain
import Foundation
import Testing

/// Every admin command has one request type, which carries its command on the wire and
/// names its reply; a service answers a request with that reply, in the same JSON as ever.
@Suite struct AdminRequestTests {
    /// One request of every type.
    static let samples: [any AdminRequest] = [
        NormAddRequest(name: "n", kind: .bestedingsruimte, gemeenten: ["0268"], aanbieder: nil, period: nil, limit: 1),
        NormChangeRequest(id: 1, limit: 2), NormEndRequest(id: 1, by: "A"), NormHistoryRequest(id: 1),
        NormImportRequest(norms: []), NormListRequest(), AlertListRequest(state: "firing"),
        StopImposeRequest(normID: 3, by: "J", reason: "r"), StopLiftRequest(normID: 3, by: "J", reason: "r"),
        ExemptRequest(toewijzingNummer: "7700001", reason: .cpv, by: "A"),
        CPVDecisionRequest(toewijzingNummer: "7700001", normID: 3, granted: true, reason: "r", by: "CPV"),
        IntensityCPVRequest(
            toewijzingNummer: "7700001", normID: 4, granted: true, extra: 6, from: Month(year: 2026, month: 2)!,
            through: Month(year: 2026, month: 4)!, reason: "r", by: "CPV"),
        AnalysisRecordRequest(
            normID: 3, day: Day(iso: "2026-05-10")!, participants: "p", conclusion: "c", plan: "p", followUp: nil,
            by: "A"),
        ProviderImportRequest(providers: [ProviderName(agb: "12345678", naam: "Zorg")], by: nil),
        ProviderListRequest(),
        SubscriptionAddRequest(Subscription(name: "CM", email: "cm@x.example")),
        SubscriptionImportRequest([]), SubscriptionRemoveRequest(id: 1), SubscriptionListRequest(),
        AlertAckRequest(alertID: 1, by: "A", note: ""),
        AlertSilenceRequest(alertID: 1, normID: nil, until: Day(iso: "2026-06-01")!, by: "A", reason: "r"),
        NotifyLogRequest(alertID: nil), NotifierStatusRequest(), NormDecisionsRequest(normID: 3),
        UserAddRequest(name: "a", role: .lezer, password: "p"), UserListRequest(), UserDisableRequest(name: "a"),
    ]

    static func identified<R: AdminRequest>(_ request: R) throws -> Data {
        try AdminCoding.encode(IdentifiedAdminRequest(request, requestID: "id-1"))
    }

    @Test func everyCommandHasExactlyOneRequestType() {
        let byCommand = Dictionary(grouping: AdminCommand.requestTypes.map { $0.command }, by: { $0 })
        #expect(Set(byCommand.keys) == Set(AdminCommand.allCases))
        #expect(byCommand.values.allSatisfy { $0.count == 1 })
        #expect(AdminCommand.requestTypes.count == AdminCommand.allCases.count)
    }

    @Test func everyEncodedRequestCarriesItsCommand() throws {
        #expect(Set(Self.samples.map { ObjectIdentifier(type(of: $0)) }).count == AdminCommand.allCases.count)
        for sample in Self.samples {
            let document = try Self.identified(sample)
            let envelope = try AdminCoding.decode(AdminCommandName.self, from: document)
            #expect(envelope.command == type(of: sample).command.rawValue)
            #expect(envelope.requestID == "id-1")
        }
    }

    /// The bytes `StopRequest` (one type for both commands, until 0.18.0) sent.
    @Test func stopRequestsAreTheSameBytesAsBefore() throws {
        let impose = try AdminCoding.encode(
            IdentifiedAdminRequest(StopImposeRequest(normID: 3, by: "J", reason: "r"), requestID: "id-1"))
        #expect(
            String(decoding: impose, as: UTF8.self)
                == #"{"by":"J","command":"stop.impose","normID":3,"reason":"r","requestID":"id-1"}"#)
        let lift = try AdminCoding.encode(StopLiftRequest(normID: 3, by: "J", reason: "r", despite: "d"))
        #expect(
            String(decoding: lift, as: UTF8.self)
                == #"{"by":"J","command":"stop.lift","despite":"d","normID":3,"reason":"r"}"#)
    }

    @Test func aHandlerAnswersItsRequestsCommandWithItsReply() throws {
        var handlers = AdminHandlers()
        handlers.on(NormHistoryRequest.self) { request, requestID in
            #expect(requestID == "id-1")
            return [NormHistoryEntry]()
        }
        handlers.on(UserDisableRequest.self) { request, _ in
            #expect(request.name == "a")
            return AdminEmpty()
        }
        #expect(handlers.commands == [.normHistory, .userDisable])
        let reply = try handlers.answer(
            AdminCoding.encode(IdentifiedAdminRequest(UserDisableRequest(name: "a"), requestID: "id-1")),
            unknown: { _ in CocoaError(.featureUnsupported) })
        #expect(String(decoding: reply, as: UTF8.self) == #"{"ok":true,"result":{}}"#)
        _ = try handlers.answer(
            AdminCoding.encode(IdentifiedAdminRequest(NormHistoryRequest(id: 1), requestID: "id-1")),
            unknown: { _ in CocoaError(.featureUnsupported) })
    }

    @Test func aCommandWithoutAHandlerIsUnknown() throws {
        let handlers = AdminHandlers()
        var named: String?
        #expect(throws: CocoaError.self) {
            try handlers.answer(Data(#"{"command":"norm.list"}"#.utf8)) { name in
                named = name
                return CocoaError(.featureUnsupported)
            }
        }
        #expect(named == "norm.list")
        #expect(throws: CocoaError.self) {
            try handlers.answer(Data(#"{"command":"nergens"}"#.utf8)) { _ in CocoaError(.featureUnsupported) }
        }
    }
}
