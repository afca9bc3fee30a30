import Foundation
import LocalSystem

#if canImport(Glibc)
    import Glibc
#endif

/// Four "hosts" on one machine: a network namespace per service, each with a veth into
/// a bridge in the test's own namespace (10.77.N.0/24), so a service reaches another
/// only over the network, as on separate hosts. Made with `ip` (iproute2) by the test,
/// which needs root; `available` says why not otherwise. Everything made is removed by
/// `tearDown`, also after a failure.
final class NamespacedHosts {
    static let services = ["intake", "monitor", "notifier", "reporter"]

    /// Why this machine cannot run it, or nil when it can.
    static var unavailableReason: String? {
        if getuid() != 0 { return "needs root to make network namespaces" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip") { return "no /usr/sbin/ip (iproute2)" }
        return nil
    }

    let tag = String(UInt32.random(in: 0..<0xFFFF), radix: 16)
    let subnet = Int.random(in: 10..<250)
    private var made: [[String]] = []
    private var processes: [Process] = []

    var bridge: String { "plbr\(tag)" }
    var bridgeAddress: String { "10.77.\(subnet).1" }
    func namespace(_ service: String) -> String { "pl\(tag)-\(service)" }
    func address(_ service: String) -> String {
        "10.77.\(subnet).\(11 + Self.services.firstIndex(of: service)!)"
    }

    /// Runs `ip` with these arguments; throws with its output when it fails.
    @discardableResult
    static func ip(_ arguments: [String]) throws -> String {
        let result = try RunningSystem.capture(URL(fileURLWithPath: "/usr/sbin/ip"), arguments)
        guard result.status == 0 else { throw E2EError("ip \(arguments.joined(separator: " ")): \(result.output)") }
        return result.output
    }

    func setUp() throws {
        try Self.ip(["link", "add", bridge, "type", "bridge"])
        made.append(["link", "del", bridge])
        try Self.ip(["addr", "add", "\(bridgeAddress)/24", "dev", bridge])
        try Self.ip(["link", "set", bridge, "up"])
        for (index, service) in Self.services.enumerated() {
            let ns = namespace(service)
            try Self.ip(["netns", "add", ns])
            made.append(["netns", "del", ns])
            let outside = "pl\(tag)o\(index)"
            let inside = "pl\(tag)i\(index)"
            try Self.ip(["link", "add", outside, "type", "veth", "peer", "name", inside])
            made.append(["link", "del", outside])
            try Self.ip(["link", "set", outside, "master", bridge, "up"])
            try Self.ip(["link", "set", inside, "netns", ns])
            try Self.ip(["-n", ns, "addr", "add", "\(address(service))/24", "dev", inside])
            try Self.ip(["-n", ns, "link", "set", inside, "up"])
            try Self.ip(["-n", ns, "link", "set", "lo", "up"])
        }
    }

    /// Starts `executable` inside `service`'s namespace.
    func run(in service: String, _ executable: URL, _ arguments: [String], log: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        process.arguments = ["netns", "exec", namespace(service), executable.path] + arguments
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        processes.append(process)
    }

    /// Keeps a process (the SMTP sink) to be stopped with the rest.
    func adopt(_ process: Process) { processes.append(process) }

    /// Runs a program inside `service`'s namespace to its end.
    func capture(in service: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try RunningSystem.capture(
            URL(fileURLWithPath: "/usr/sbin/ip"), ["netns", "exec", namespace(service)] + arguments)
    }

    func tearDown() {
        for process in processes where process.isRunning {
            kill(process.processIdentifier, SIGTERM)
        }
        let deadline = Date().addingTimeInterval(10)
        while processes.contains(where: \.isRunning) && Date() < deadline { usleep(50_000) }
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        processes = []
        for undo in made.reversed() { _ = try? RunningSystem.capture(URL(fileURLWithPath: "/usr/sbin/ip"), undo) }
        made = []
    }

    deinit { tearDown() }
}
