import Domain
import Fixtures
import Foundation
import Messaging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every socket that takes input other than intake's provider endpoint (which has its
/// own fuzz suite): monitor's and notifier's admin sockets and the three catch-up
/// sockets get seeded junk; every service keeps running and keeps answering.
@Suite(.serialized)
struct SocketFuzzTests {
    static var count: Int { Int(ProcessInfo.processInfo.environment["PLAFOND_SOCKET_FUZZ_COUNT"] ?? "") ?? 600 }

    /// Junk shaped like what each socket expects: valid frames with wrong content, wrong
    /// frame counts, truncated and oversized fields, random bytes, deep JSON.
    static func junk(_ generator: inout SeededGenerator, admin: Bool) -> [Data] {
        func bytes(_ count: Int) -> Data { Data((0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }) }
        switch generator.next() % 9 {
        case 0: return [bytes(Int(generator.next() % 64))]
        case 1: return [Data("fetch".utf8), bytes(Int(generator.next() % 12)), bytes(4), bytes(8)]
        case 2: return [Data("fetch".utf8)]
        case 3: return (0..<Int(generator.next() % 6)).map { _ in bytes(Int(generator.next() % 16)) }
        case 4: return [Data(String(repeating: "[", count: 5_000).utf8)]
        case 5: return [Data(#"{"command":"norm.add","name":"x","kind":"signaalplafond","limit":-5}"#.utf8)]
        case 6: return [Data(#"{"command":"\#(generator.next())"}"#.utf8)]
        case 7:
            let valid = admin ? #"{"command":"norm.list"}"# : "fetch"
            var data = Data(valid.utf8)
            if !data.isEmpty { data[Int(generator.next() % UInt64(data.count))] ^= 0x20 }
            return [data]
        default: return [Data(), bytes(Int(generator.next() % 2_000_000))]
        }
    }

    @Test func junkOnAdminAndCatchUpSocketsStopsNoService() throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        try system.start("intake")
        try system.start("monitor")
        try system.start("notifier")
        let targets: [(name: String, port: Int, admin: Bool)] = [
            ("monitor admin", system.ports.monitorAdmin, true), ("notifier admin", system.ports.notifierAdmin, true),
            ("intake catch-up", system.ports.intakeCatchUp, false),
            ("monitor catch-up", system.ports.monitorCatchUp, false),
            ("notifier catch-up", system.ports.notifierCatchUp, false),
        ]
        var generator = SeededGenerator(seed: 8_008)
        let context = ZMQContext()
        defer { context.terminate() }
        var answered = 0
        for target in targets {
            let socket = try ZMQSocket(context, .dealer)
            defer { socket.close() }
            try socket.setReceiveTimeout(200)
            try socket.connect("tcp://127.0.0.1:\(target.port)")
            for _ in 0..<(Self.count / targets.count) {
                // A DEALER's first frame is the empty delimiter a REQ would add.
                _ = try socket.send([Data()] + Self.junk(&generator, admin: target.admin))
                while try socket.receive(dontWait: true) != nil { answered += 1 }
            }
            while try socket.receive() != nil { answered += 1 }
        }
        for service in ["intake", "monitor", "notifier"] {
            #expect(system.processes[service]?.isRunning == true, "\(service) stopped:\n\(system.log(service))")
        }
        // Still serving: a norm can be added and listed, the catch-up still answers.
        let added = try system.runCLI([
            "norm", "add", "--naam", "Na de ruis", "--soort", "signaalplafond", "--gemeente", "0268", "--grens",
            "€ 10,00",
        ])
        #expect(added.status == 0, "\(added.output)")
        let subscriptions = try system.runCLI(["subscriptions"])
        #expect(subscriptions.status == 0, "\(subscriptions.output)")
        let fetch = try ZMQSocket(context, .dealer)
        defer { fetch.close() }
        try fetch.setReceiveTimeout(5_000)
        try fetch.connect("tcp://127.0.0.1:\(system.ports.monitorCatchUp)")
        var after = Data(count: 8)
        after.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(0).bigEndian, as: UInt64.self) }
        var limit = Data(count: 4)
        limit.withUnsafeMutableBytes { $0.storeBytes(of: UInt32(10).bigEndian, as: UInt32.self) }
        // Consumers talk to the catch-up ROUTER from a DEALER without a delimiter frame.
        _ = try fetch.send([Data("fetch".utf8), after, limit, Data(count: 8)])
        let reply = try #require(try fetch.receive())
        #expect(reply.parts.first == Data("batch".utf8))
        #expect(reply.parts.count >= 3 + 3, "the added norm's norm.changed event is served")
        #expect(answered > 0)
    }
}
