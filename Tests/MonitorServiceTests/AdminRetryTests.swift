import Contracts
import Domain
import Foundation
import Logging
import Testing

@testable import MonitorService

/// A person whose `plafond norm add` or `stop impose` timed out and who tried again acted
/// twice. The CLI now sends a request id and the same id on a retry; monitor does the
/// command once and answers a retry with the stored result.
@Suite struct AdminRetryTests {
    let base = MonitorCoreTests()

    func send<Request: Encodable>(_ admin: MonitorAdmin, _ request: Request, id: String) throws -> Data {
        admin.handle(try AdminCoding.encode(IdentifiedAdminRequest(request, requestID: id)))
    }

    var addRequest: NormAddRequest {
        NormAddRequest(
            name: "Begeleiding", kind: .bestedingsruimte, gemeenten: ["0268"], aanbieder: "12345678",
            productCategorieen: ["45"], period: "2026", limit: 100_000)
    }

    @Test func aRetriedNormAddAddsOneNormAndAnswersTheSame() throws {
        let core = try base.makeCore()
        let admin = MonitorAdmin(core: core, logger: Logger(label: "test"))
        let first = try send(admin, addRequest, id: "retry-1")
        let again = try send(admin, addRequest, id: "retry-1")
        #expect(first == again)
        let reply = try AdminCoding.decode(AdminReply<NormStatus>.self, from: again)
        #expect(reply.ok && reply.result?.norm.id == 1)
        #expect(try core.normStatuses().count == 1)
        #expect(try base.outbox(core).filter { $0.kind == NormChanged.kind.rawValue }.count == 1)
        // Another request id is another command.
        _ = try send(admin, addRequest, id: "retry-2")
        #expect(try core.normStatuses().count == 2)
    }

    @Test func aRetriedStopIsImposedOnceAndARetriedEndIsEndedOnce() throws {
        let core = try base.makeCore()
        let admin = MonitorAdmin(core: core, logger: Logger(label: "test"))
        _ = try send(admin, addRequest, id: "add")
        let impose = StopImposeRequest(normID: 1, by: "J. de Vries", reason: "analysegesprek")
        let imposed = try send(admin, impose, id: "impose")
        #expect(try AdminCoding.decode(AdminReply<StopImposed>.self, from: imposed).ok)
        #expect(try send(admin, impose, id: "impose") == imposed)
        #expect(try base.outbox(core).filter { $0.kind == StopImposed.kind.rawValue }.count == 1)
        let end = NormEndRequest(id: 1, by: "J. de Vries")
        let ended = try send(admin, end, id: "end")
        #expect(try send(admin, end, id: "end") == ended)
        #expect(try core.normHistory(id: 1).count == 2)
    }

    @Test func aRequestIDSentWithAnotherCommandIsRefusedAndChangesNothing() throws {
        let core = try base.makeCore()
        let admin = MonitorAdmin(core: core, logger: Logger(label: "test"))
        _ = try send(admin, addRequest, id: "same")
        let other = try send(admin, NormEndRequest(id: 1, by: "J. de Vries"), id: "same")
        let reply = try AdminCoding.decode(AdminReply<NormStatus>.self, from: other)
        #expect(!reply.ok)
        #expect(reply.error?.contains("verzoek-id") == true)
        #expect(try core.normStatuses().first?.norm.ended == false)
    }

    /// Every command the CLI sends monitor has its handler (a missing one would answer
    /// "onbekende opdracht" only when someone used it).
    @Test func monitorAnswersEveryMonitorCommand() throws {
        let admin = MonitorAdmin(core: try base.makeCore(), logger: Logger(label: "test"))
        #expect(
            admin.handlers.commands == [
                .normAdd, .normChange, .normEnd, .normHistory, .normImport, .normList, .alertList, .stopImpose,
                .stopLift, .exempt, .cpvDecide, .cpvIntensity, .analysisRecord, .providerImport, .providerList,
            ])
    }
}
