import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Slow clients against the real reporter: hundreds of connections that send half a
/// request head and then nothing. An adversarial run held ~21,000 of them open, exhausting
/// the reporter's file descriptors (real requests timed out) and leaving RSS at 356 MB.
/// With `header_timeout`, `idle_timeout` and `max_connections` the reporter holds at most
/// its cap, keeps answering, and lets go of the memory when the clients leave.
@Suite(.serialized) struct SlowClientTests {
    static let maxConnections = 100
    static let slowClients = 600

    @Test(.timeLimit(.minutes(2))) func slowClientsCannotHoldTheReporterAndRealRequestsAreAnswered() async throws {
        let system = try RunningSystem(
            extraConfiguration: """
                header_timeout = "1s"
                idle_timeout = "5s"
                max_connections = \(Self.maxConnections)
                """)
        defer { system.shutDown() }
        try system.start("reporter")
        #expect(await system.eventually { try await system.httpGet("/metrics").status == 200 })
        let pid = try #require(system.processes["reporter"]?.processIdentifier)
        let baselineRSS = try ProcessFigures.rssKilobytes(pid)
        let baselineDescriptors = try ProcessFigures.openDescriptors(pid)

        var slow = SlowClients(port: system.ports.http)
        var mostDescriptors = 0
        var answered = 0
        let attackEnds = Date().addingTimeInterval(8)
        while Date() < attackEnds {
            // As a slowloris does: whatever the server closed is opened again.
            slow.fill(to: Self.slowClients)
            let started = Date()
            let status = try await system.httpGet("/metrics").status
            #expect(status == 200)
            #expect(Date().timeIntervalSince(started) < 10, "a real request waited too long")
            answered += 1
            mostDescriptors = max(mostDescriptors, try ProcessFigures.openDescriptors(pid))
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(answered >= 3)
        #expect(slow.opened >= Self.slowClients, "the attack did not get its connections open")
        // Without the cap the reporter held one descriptor per slow client.
        #expect(
            mostDescriptors <= baselineDescriptors + Self.maxConnections + 20,
            "reporter held \(mostDescriptors) descriptors (baseline \(baselineDescriptors))")
        slow.closeAll()
        // Everything it held is let go: descriptors back, memory back near where it was.
        #expect(
            await system.eventually(timeout: 15) {
                try ProcessFigures.openDescriptors(pid) <= baselineDescriptors + 5
            })
        let afterRSS = try ProcessFigures.rssKilobytes(pid)
        #expect(afterRSS <= baselineRSS + 40_000, "RSS \(baselineRSS) kB before, \(afterRSS) kB after")
        #expect(try await system.httpGet("/metrics").status == 200)
    }
}

/// Raw TCP connections that send part of a request head and then wait.
struct SlowClients {
    let port: Int
    private(set) var sockets: [Int32] = []
    private(set) var opened = 0

    init(port: Int) { self.port = port }

    /// Drops the connections the server closed and opens new ones up to `count`.
    mutating func fill(to count: Int) {
        sockets.removeAll { fd in
            var byte: UInt8 = 0
            let read = recv(fd, &byte, 1, Int32(MSG_DONTWAIT))
            if read == 0 || (read < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                close(fd)
                return true
            }
            return false
        }
        while sockets.count < count, let fd = openOne() {
            sockets.append(fd)
            opened += 1
        }
    }

    private func openOne() -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        // A connect the backlog cannot take gives up instead of blocking the test.
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        let partial = Array("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
        guard connected == 0, send(fd, partial, partial.count, Int32(MSG_NOSIGNAL)) == partial.count else {
            close(fd)
            return nil
        }
        return fd
    }

    mutating func closeAll() {
        for fd in sockets { close(fd) }
        sockets = []
    }
}

/// What Linux says about a process in /proc.
enum ProcessFigures {
    static func rssKilobytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { throw E2EError("no VmRSS for \(pid)") }
        return kilobytes
    }

    static func openDescriptors(_ pid: Int32) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count
    }
}
