import Domain
import Foundation
import Messaging

/// Sends the probes one after the other and times, for each, the way from intake's answer
/// (the provider's system holds its JW325) to monitor's `alert.firing` on the event log,
/// and to the SMTP server having the mail.
struct ProbeRun {
    let system: BenchSystem
    let probes: AlertProbes
    let normIDs: [Int: Int64]
    let arrivals: AlertArrivals
    let mails: MailArrivals

    struct Timings {
        var toMonitor: [Double] = []
        var toMail: [Double] = []
    }

    func measure(_ range: Range<Int>, today: Day) throws -> Timings {
        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .dealer)
        defer { socket.close() }
        try socket.setReceiveTimeout(60_000)
        try socket.connect(system.intakeEndpoint)
        var timings = Timings()
        for probe in range {
            guard let normID = normIDs[probe] else { throw BenchError("probe norm \(probe) was not imported") }
            for (step, crossing) in AlertProbes.steps.enumerated() {
                _ = try socket.send([Data(), probes.declaration(probe: probe, step: step, today: today)])
                guard let reply = try socket.receive() else { throw BenchError("intake did not answer a probe") }
                let answeredAt = Date()
                guard String(decoding: reply.parts.last ?? Data(), as: UTF8.self).contains(">8001<") else {
                    throw BenchError(
                        "probe \(probe) step \(step) refused: \(String(decoding: reply.parts.last ?? Data(), as: UTF8.self))"
                    )
                }
                let alert = try wait("monitor's alert for probe \(probe) at \(crossing.threshold)%") {
                    arrivals.arrival(norm: normID, threshold: crossing.threshold)
                }
                let mailed = try wait("the mail for alert \(alert.alertID)") {
                    mails.receivedAt(alertID: alert.alertID)
                }
                timings.toMonitor.append(alert.at.timeIntervalSince(answeredAt))
                timings.toMail.append(mailed.timeIntervalSince(answeredAt))
                try system.requireRunning()
            }
        }
        return timings
    }

    /// Polls for what the services will produce; the times measured are the ones they
    /// recorded, so the polling interval does not enter the figures.
    private func wait<T>(_ what: String, seconds: Double = 60, _ found: () -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = found() { return value }
            Thread.sleep(forTimeInterval: 0.002)
        }
        throw BenchError("no \(what) within \(Int(seconds)) s; see \(system.folder.path)")
    }
}
