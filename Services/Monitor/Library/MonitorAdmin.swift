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
            let name = try AdminCoding.decode(AdminCommandName.self, from: request).command
            switch name {
            case "norm.add":
                let status = try core.addNorm(AdminCoding.decode(NormAddRequest.self, from: request))
                logger.info("norm added", metadata: ["norm.id": "\(status.norm.id)"])
                return try AdminCoding.encode(AdminReply.success(status))
            case "norm.list":
                return try AdminCoding.encode(AdminReply.success(core.normStatuses()))
            case "alert.list":
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
