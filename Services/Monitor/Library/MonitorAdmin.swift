import Contracts
import Foundation
import Logging

/// Answers `plafond` admin requests (one JSON document in, one out): one handler per
/// request type, each returning that type's reply (`AdminHandlers`).
public struct MonitorAdmin: Sendable {
    let handlers: AdminHandlers
    let logger: Logger

    public init(core: MonitorCore, logger: Logger) {
        self.logger = logger
        var handlers = AdminHandlers()
        handlers.on(NormAddRequest.self) { request, id in
            let status = try core.addNorm(request, requestID: id)
            logger.info("norm added", metadata: ["norm.id": "\(status.norm.id)"])
            return status
        }
        handlers.on(NormChangeRequest.self) { request, id in
            let status = try core.changeNorm(request, requestID: id)
            logger.info(
                "norm changed", metadata: ["norm.id": "\(status.norm.id)", "version": "\(status.norm.version)"])
            return status
        }
        handlers.on(NormEndRequest.self) { request, id in
            let status = try core.endNorm(request, requestID: id)
            logger.info("norm ended", metadata: ["norm.id": "\(status.norm.id)"])
            return status
        }
        handlers.on(NormHistoryRequest.self) { request, _ in try core.normHistory(id: request.id) }
        handlers.on(NormImportRequest.self) { request, id in
            let statuses = try core.importNorms(request, requestID: id)
            logger.info("norms imported", metadata: ["count": "\(statuses.count)"])
            return statuses
        }
        handlers.on(StopImposeRequest.self) { request, id in
            let event = try core.imposeStop(request, requestID: id)
            logger.notice("stop imposed", metadata: ["norm.id": "\(event.normID)", "stop.id": "\(event.stopID)"])
            return event
        }
        handlers.on(StopLiftRequest.self) { request, id in
            let event = try core.liftStop(request, requestID: id)
            logger.notice("stop lifted", metadata: ["norm.id": "\(event.normID)", "stop.id": "\(event.stopID)"])
            return event
        }
        handlers.on(ExemptRequest.self) { request, id in
            try core.exempt(request, requestID: id)
            return AdminEmpty()
        }
        handlers.on(CPVDecisionRequest.self) { request, id in
            let event = try core.decideCPV(request, requestID: id)
            logger.notice(
                "cpv decision recorded",
                metadata: ["cpv.decision": "\(event.decisionID)", "granted": "\(event.granted)"])
            return event
        }
        handlers.on(IntensityCPVRequest.self) { request, id in
            let event = try core.decideIntensityCPV(request, requestID: id)
            logger.notice(
                "cpv intensity decision recorded",
                metadata: [
                    "cpv.decision": "\(event.decisionID)", "norm.id": "\(event.normID)", "granted": "\(event.granted)",
                ])
            return event
        }
        handlers.on(AnalysisRecordRequest.self) { request, _ in
            let event = try core.recordAnalysis(request)
            logger.notice(
                "analysis recorded", metadata: ["norm.id": "\(event.normID)", "analysis.id": "\(event.analysisID)"])
            return event
        }
        handlers.on(ProviderImportRequest.self) { request, _ in
            let changed = try core.nameProviders(request)
            logger.info("provider names saved", metadata: ["count": "\(changed)"])
            return changed
        }
        handlers.on(ProviderListRequest.self) { _, _ in try core.providerNames() }
        handlers.on(NormListRequest.self) { _, _ in try core.normStatuses() }
        handlers.on(AlertListRequest.self) { request, _ in try core.alerts(state: request.state) }
        self.handlers = handlers
    }

    public func handle(_ request: Data) -> Data {
        do {
            return try handlers.answer(request) { MonitorError(.unknownCommand, "onbekende opdracht \($0)") }
        } catch {
            logger.warning("admin request refused", metadata: ["error": "\(error)"])
            let text = (error as? MonitorError)?.message ?? "ongeldig verzoek: \(error)"
            return (try? AdminCoding.encode(AdminReply<AdminEmpty>.failure(text))) ?? Data()
        }
    }
}
