import Foundation
import Messaging

/// The real intake executable on a fresh data folder, and provider systems that each send
/// their declarations one after the other, waiting for every answer (as real ones do).
struct IntakeRun {
    let folder: URL
    let port: Int

    func measure(_ documents: [[Data]]) throws -> Double {
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

        let lines = documents.reduce(0) { $0 + $1.count } * BenchLinesPerDocument.count(documents)
        let started = DispatchTime.now().uptimeNanoseconds
        let group = DispatchGroup()
        for batch in documents {
            group.enter()
            Thread {
                defer { group.leave() }
                guard let socket = try? ZMQSocket(context, .dealer) else { return }
                defer { socket.close() }
                try? socket.setReceiveTimeout(300_000)
                try? socket.connect(endpoint)
                for document in batch {
                    guard (try? socket.send([Data(), document])) != nil, (try? socket.receive()) != nil else { return }
                }
            }.start()
        }
        group.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Double(lines) / seconds
    }
}

enum BenchLinesPerDocument {
    /// Lines per document, counted from the first one's Prestatie elements.
    static func count(_ documents: [[Data]]) -> Int {
        guard let first = documents.first?.first else { return 0 }
        return String(decoding: first, as: UTF8.self).components(separatedBy: "<jw323:Prestatie>").count - 1
    }
}
