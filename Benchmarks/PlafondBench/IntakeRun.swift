import Foundation
import Messaging
import Runtime

/// The real intake executable on a fresh data folder, and provider systems that each send
/// their declarations one after the other, waiting for every answer (as real ones do).
struct IntakeRun {
    let folder: URL
    let port: Int

    func measure(_ documents: [[Data]], linesPerDocument: Int) throws -> Double {
        let configuration = folder.appendingPathComponent("plafond.toml")
        try """
        [general]
        data = "\(folder.appendingPathComponent("data").path)"
        log_level = "warning"
        [intake]
        endpoint = "tcp://127.0.0.1:\(port)"
        events_publish = "tcp://127.0.0.1:\(port + 1)"
        events_catchup = "tcp://127.0.0.1:\(port + 2)"
        metrics = "127.0.0.1:\(port + 9)"
        """.write(to: configuration, atomically: true, encoding: .utf8)
        let intake = Process()
        intake.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("intake")
        intake.arguments = ["--config", configuration.path]
        try intake.run()
        defer {
            intake.terminate()
            intake.waitUntilExit()
        }
        let endpoint = "tcp://127.0.0.1:\(port)"
        let context = ZMQContext()
        defer { context.terminate() }
        // Warm up: one answer proves intake listens (its first store open and migration).
        let warmup = try ZMQSocket(context, .dealer)
        try warmup.setReceiveTimeout(30_000)
        try warmup.connect(endpoint)
        _ = try warmup.send([Data(), Data("<geen/>".utf8)])
        _ = try warmup.receive()
        warmup.close()

        let sent = documents.reduce(0) { $0 + $1.count }
        let providers = documents.count
        let senders = ProviderSenders(endpoint: endpoint, senders: providers)
        let started = DispatchTime.now().uptimeNanoseconds
        // Provider p sends declarations p, p + providers, …: its own, in order.
        try senders.run(count: sent, interval: nil, make: { documents[$0 % providers][$0 / providers] })
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // A figure over unanswered declarations would be a wrong figure.
        guard senders.answers == sent else { throw BenchError("\(senders.answers) of \(sent) answered") }
        // Nor would a figure over refused declarations.
        guard senders.fullyApproved == sent else {
            throw BenchError("\(senders.fullyApproved) of \(sent) declarations fully approved")
        }
        return Double(sent * linesPerDocument) / seconds
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
