import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `plafond up` runs the four services as its children and stops them together.
@Suite(.serialized)
struct PlafondUpTests {
    @Test func upStartsAllFourAndSIGTERMStopsThemTogether() async throws {
        let system = try RunningSystem()
        defer { system.shutDown() }
        let up = Process()
        up.executableURL = system.binaries.appendingPathComponent("plafond")
        up.arguments = ["up", "--config", system.configurationFile.path]
        up.standardOutput = FileHandle.nullDevice
        up.standardError = FileHandle.nullDevice
        try up.run()
        defer { if up.isRunning { kill(up.processIdentifier, SIGKILL) } }
        #expect(await system.eventually { try await system.httpGet("/api/norms").status == 200 })
        let children = childPIDs(of: up.processIdentifier)
        #expect(children.count == 4)

        kill(up.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while up.isRunning && Date() < deadline { usleep(50_000) }
        #expect(!up.isRunning)
        // Asked of a process still running, terminationStatus would end the test process.
        guard !up.isRunning else { return }
        #expect(up.terminationStatus == 0)
        for pid in children {
            #expect(kill(pid, 0) != 0, "child \(pid) still running")
        }
    }

    /// Children from /proc: the processes whose parent is `pid`.
    private func childPIDs(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid
        }
    }
}
