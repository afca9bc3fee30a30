import Contracts
import Foundation
import Logging

/// Answers `plafond` admin requests (one JSON document in, one out).
public struct MonitorAdmin: Sendable {
    let core: MonitorCore
    let logger: Logger

    public init(core: MonitorCore, logger: Logger) {
        self.core = core
        self.logger = logger
    }

    public func handle(_ request: Data) -> Data {
        do {
            let envelope = try AdminCoding.decode(AdminCommandName.self, from: request)
            let (name, id) = (envelope.command, envelope.requestID)
            switch AdminCommand(rawValue: name) {
            case .normAdd:
                let status = try core.addNorm(AdminCoding.decode(NormAddRequest.self, from: request), requestID: id)
                logger.info("norm added", metadata: ["norm.id": "\(status.norm.id)"])
                return try AdminCoding.encode(AdminReply.success(status))
            case .normChange:
                let status = try core.changeNorm(
                    AdminCoding.decode(NormChangeRequest.self, from: request), requestID: id)
                logger.info(
                    "norm changed", metadata: ["norm.id": "\(status.norm.id)", "version": "\(status.norm.version)"])
                return try AdminCoding.encode(AdminReply.success(status))
            case .normEnd:
                let status = try core.endNorm(AdminCoding.decode(NormEndRequest.self, from: request), requestID: id)
                logger.info("norm ended", metadata: ["norm.id": "\(status.norm.id)"])
                return try AdminCoding.encode(AdminReply.success(status))
            case .normHistory:
                let id = try AdminCoding.decode(NormHistoryRequest.self, from: request).id
                return try AdminCoding.encode(AdminReply.success(try core.normHistory(id: id)))
            case .normImport:
                let statuses = try core.importNorms(
                    AdminCoding.decode(NormImportRequest.self, from: request), requestID: id)
                logger.info("norms imported", metadata: ["count": "\(statuses.count)"])
                return try AdminCoding.encode(AdminReply.success(statuses))
            case .stopImpose:
                let event = try core.imposeStop(AdminCoding.decode(StopRequest.self, from: request), requestID: id)
                logger.notice("stop imposed", metadata: ["norm.id": "\(event.normID)", "stop.id": "\(event.stopID)"])
                return try AdminCoding.encode(AdminReply.success(event))
            case .stopLift:
                let event = try core.liftStop(AdminCoding.decode(StopRequest.self, from: request), requestID: id)
                logger.notice("stop lifted", metadata: ["norm.id": "\(event.normID)", "stop.id": "\(event.stopID)"])
                return try AdminCoding.encode(AdminReply.success(event))
            case .exempt:
                try core.exempt(AdminCoding.decode(ExemptRequest.self, from: request), requestID: id)
                return try AdminCoding.encode(AdminReply.success(AdminEmpty()))
            case .cpvDecide:
                let event = try core.decideCPV(
                    AdminCoding.decode(CPVDecisionRequest.self, from: request), requestID: id)
                logger.notice(
                    "cpv decision recorded",
                    metadata: ["cpv.decision": "\(event.decisionID)", "granted": "\(event.granted)"])
                return try AdminCoding.encode(AdminReply.success(event))
            case .cpvIntensity:
                let event = try core.decideIntensityCPV(
                    AdminCoding.decode(IntensityCPVRequest.self, from: request), requestID: id)
                logger.notice(
                    "cpv intensity decision recorded",
                    metadata: [
                        "cpv.decision": "\(event.decisionID)", "norm.id": "\(event.normID)",
                        "granted": "\(event.granted)",
                    ])
                return try AdminCoding.encode(AdminReply.success(event))
            case .analysisRecord:
                let event = try core.recordAnalysis(AdminCoding.decode(AnalysisRecordRequest.self, from: request))
                logger.notice(
                    "analysis recorded", metadata: ["norm.id": "\(event.normID)", "analysis.id": "\(event.analysisID)"])
                return try AdminCoding.encode(AdminReply.success(event))
            case .providerImport:
                let changed = try core.nameProviders(AdminCoding.decode(ProviderImportRequest.self, from: request))
                logger.info("provider names saved", metadata: ["count": "\(changed)"])
                return try AdminCoding.encode(AdminReply.success(changed))
            case .providerList:
                return try AdminCoding.encode(AdminReply.success(try core.providerNames()))
            case .normList:
                return try AdminCoding.encode(AdminReply.success(core.normStatuses()))
            case .alertList:
                let request = try AdminCoding.decode(AlertListRequest.self, from: request)
                return try AdminCoding.encode(AdminReply.success(core.alerts(state: request.state)))
            default:
                throw MonitorError(.unknownCommand, "onbekende opdracht \(name)")
            }
        } catch {
            logger.warning("admin request refused", metadata: ["error": "\(error)"])
            let text = (error as? MonitorError)?.message ?? "ongeldig verzoek: \(error)"
            return (try? AdminCoding.encode(AdminReply<AdminEmpty>.failure(text))) ?? Data()
        }
    }
}
