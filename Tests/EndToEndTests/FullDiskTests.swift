import Domain
import Fixtures
import Foundation
import GRDB
import Messaging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A full disk: intake's data folder on a small tmpfs. When a commit cannot be written,
/// intake answers `OPSLAG_MISLUKT` (nothing approved), keeps running, and takes the same
/// declaration once space returns; every approved line is in the store. Needs root for
/// `mount` (as on the development and CI machines); elsewhere the test does not run.
@Suite(.serialized)
struct FullDiskTests {
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.path]) == 0 else { return false }
        _ = run(["umount", probe.path])
        return true
    }()

    @discardableResult
    static func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func declaration(_ n: Int, month: Month) -> Data {
        let lines = (0..<400).map { i in
            JW323Fixture.Line(
                referentie: "FD-\(n)-\(i)", toewijzing: String(n * 1_000 + i), month: month, volume: 2,
                tariefCents: 5_000)
        }
        return JW323Fixture(
            identificatie: "FULL-\(n)", dagtekening: Day.today(), declaratieNummer: "DN-FULL-\(n)", periode: month,
            clients: [("999900006", lines)]
        ).data
    }

    @Test(.enabled(if: FullDiskTests.canMount, "needs root to mount a small tmpfs"))
    func aFullDiskRefusesWithoutApprovingAndRecoversWhenSpaceReturns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-full-\(UUID())")
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        #expect(Self.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", data.path]) == 0)
        defer {
            Self.run(["umount", "-l", data.path])
            try? FileManager.default.removeItem(at: folder)
        }
        let ports = FreePorts.take(4)
        let configuration = folder.appendingPathComponent("plafond.toml")
        try """
        [general]
        data = "\(data.path)"
        [intake]
        endpoint = "tcp://127.0.0.1:\(ports[0])"
        events_publish = "tcp://127.0.0.1:\(ports[1])"
        events_catchup = "tcp://127.0.0.1:\(ports[2])"
        metrics = "127.0.0.1:\(ports[3])"
        """.write(to: configuration, atomically: true, encoding: .utf8)
        let intake = Process()
        intake.executableURL = RunningSystem.binaryFolder().appendingPathComponent("intake")
        intake.arguments = ["--config", configuration.path]
        let log = folder.appendingPathComponent("intake.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        intake.standardError = try FileHandle(forWritingTo: log)
        try intake.run()
        defer {
            intake.terminate()
            intake.waitUntilExit()
        }

        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .dealer)
        defer { socket.close() }
        try socket.setReceiveTimeout(20_000)
        try socket.connect("tcp://127.0.0.1:\(ports[0])")
        func send(_ document: Data) throws -> String {
            _ = try socket.send([Data(), document])
            let reply = try #require(try socket.receive(), "no answer")
            return String(decoding: reply.parts.last ?? Data(), as: UTF8.self)
        }
        let month = Day.today().month.previous
        var approved = 0
        var refused: Data?
        for n in 0..<40 {
            let document = declaration(n, month: month)
            let answer = try send(document)
            if answer.contains("RetourCode>8001<") {
                approved += 1
            } else {
                #expect(answer.contains("OPSLAG_MISLUKT"), "declaration \(n): \(answer)")
                refused = document
                break
            }
        }
        let full = try #require(refused, "the 3 MB disk never filled up")
        #expect(approved > 0)
        #expect(intake.isRunning, "intake stopped on a full disk")
        // Space returns: the same declaration is taken now, nothing else changes.
        #expect(Self.run(["mount", "-o", "remount,size=64m", data.path]) == 0)
        #expect(try send(full).contains("RetourCode>8001<"))
        approved += 1
        intake.terminate()
        intake.waitUntilExit()
        let store = try DatabaseQueue(path: data.appendingPathComponent("intake.sqlite").path)
        let stored = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM line") }
        #expect(stored == approved * 400, "every approved line, and only those, is stored")
    }
}
