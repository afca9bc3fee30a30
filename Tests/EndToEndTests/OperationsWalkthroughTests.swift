import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// docs/OPERATIONS.md walks an operator from an empty Debian host to a running, monitored,
/// backed-up system; this runs that block as it stands. It runs in a private mount
/// namespace whose /etc, ~/.config/plafond, /usr/local/bin, /var/lib/plafond… are the test's own
/// folders, so the users it makes and the files it installs stay there; a stand-in for
/// systemctl starts each unit's ExecStart as its user (Tests/Support/walkthrough).
@Suite(.serialized)
struct OperationsWalkthroughTests {
    static var unavailableReason: String? {
        if getuid() != 0 { return "needs root (mount namespace, service users)" }
        for tool in ["/usr/bin/unshare", "/usr/bin/systemd-sysusers", "/usr/bin/systemd-tmpfiles", "/usr/bin/setpriv"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "no \(tool)"
        }
        return nil
    }

    @Test(.enabled(if: unavailableReason == nil, "\(unavailableReason ?? "")"))
    func theWalkthroughRunsAsWrittenToAMonitoredBackedUpSystem() throws {
        let root = RunningSystem.packageRoot
        let block = try Self.walkthrough(
            String(contentsOf: root.appendingPathComponent("docs/OPERATIONS.md"), encoding: .utf8))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-walkthrough-\(UUID())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = scratch.appendingPathComponent("src")
        let logs = scratch.appendingPathComponent("logs")
        for folder in [source.appendingPathComponent(".build"), logs] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        for name in ["scripts", "deploy"] {
            try FileManager.default.createSymbolicLink(
                at: source.appendingPathComponent(name), withDestinationURL: root.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(
            at: source.appendingPathComponent(".build/release"), withDestinationURL: RunningSystem.binaryFolder())
        try block.write(to: scratch.appendingPathComponent("walkthrough.sh"), atomically: true, encoding: .utf8)
        let wrapper = scratch.appendingPathComponent("namespace.sh")
        try Self.namespaceScript(
            scratch: scratch.path, source: source.path, logs: logs.path,
            shims: root.appendingPathComponent("Tests/Support/walkthrough").path
        ).write(to: wrapper, atomically: true, encoding: .utf8)

        let run = try RunningSystem.capture(
            URL(fileURLWithPath: "/usr/bin/unshare"), ["--mount", "--propagation", "private", "bash", wrapper.path])
        let serviceLogs = ((try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? []).sorted()
            .compactMap { name -> String? in
                guard name.hasSuffix(".log") else { return nil }
                return "--- \(name)\n"
                    + ((try? String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)) ?? "")
            }.joined(separator: "\n")
        #expect(run.status == 0, "\(run.output)\n\(serviceLogs)")
        for service in ["intake", "monitor", "notifier", "reporter"] {
            #expect(
                run.output.contains("plafond-\(service).service started as plafond-\(service)"), "\(run.output)")
            // Each store its own service user's, and no one else's.
            #expect(
                run.output.contains("/var/lib/plafond/\(service)/\(service).sqlite plafond-\(service) 600"),
                "\(run.output)")
        }
        #expect(run.output.contains("FAIL") == false, "a readiness check failed: \(run.output)")
        #expect(run.output.contains("Alles bij 0268"), "the operator's key commands the monitor: \(run.output)")
        #expect(run.output.contains("Backup in /var/backups/plafond/eerste (5 opslagen"), "\(run.output)")
    }

    /// The first ```sh block after the walkthrough's heading.
    static func walkthrough(_ document: String) throws -> String {
        guard let heading = document.range(of: "## From an empty Debian host"),
            let open = document.range(of: "```sh\n", range: heading.upperBound..<document.endIndex),
            let close = document.range(of: "\n```", range: open.upperBound..<document.endIndex)
        else { throw E2EError("no walkthrough block in docs/OPERATIONS.md") }
        return String(document[open.upperBound..<close.lowerBound]) + "\n"
    }

    /// Runs inside `unshare --mount`: the test's folders over the system's, the stand-ins
    /// first on PATH, the walkthrough, then what the test reads, and the services stopped.
    static func namespaceScript(scratch: String, source: String, logs: String, shims: String) -> String {
        """
        set -euo pipefail
        S='\(scratch)'
        cp -a /etc "$S/etc"
        for dir in operator-key usr-local-bin var-lib-plafond var-backups-plafond sysusers.d tmpfiles.d; do mkdir -p "$S/$dir"; done
        mkdir -p /var/lib/plafond /var/backups/plafond /usr/lib/sysusers.d /usr/lib/tmpfiles.d /root/.config/plafond
        mount --bind "$S/etc" /etc
        mount --bind "$S/operator-key" /root/.config/plafond
        mount --bind "$S/usr-local-bin" /usr/local/bin
        mount --bind "$S/var-lib-plafond" /var/lib/plafond
        mount --bind "$S/var-backups-plafond" /var/backups/plafond
        mount --bind "$S/sysusers.d" /usr/lib/sysusers.d
        mount --bind "$S/tmpfiles.d" /usr/lib/tmpfiles.d
        export PLAFOND_WALKTHROUGH_LOGS='\(logs)'
        stop_services() {
            if [ -f "$PLAFOND_WALKTHROUGH_LOGS/pids" ]; then
                kill $(cat "$PLAFOND_WALKTHROUGH_LOGS/pids") 2>/dev/null || true
                sleep 2
                kill -9 $(cat "$PLAFOND_WALKTHROUGH_LOGS/pids") 2>/dev/null || true
            fi
        }
        trap stop_services EXIT
        cd '\(source)'
        HOME=/root PATH='\(shims)':"$PATH" bash -euo pipefail "$S/walkthrough.sh"
        for s in intake monitor notifier reporter; do stat -c '%n %U %a' /var/lib/plafond/$s/$s.sqlite; done
        """
    }
}
