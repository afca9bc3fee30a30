import Foundation
import Testing

/// deploy/ as an operator installs it: the systemd units pass `systemd-analyze verify`
/// and carry the hardening; the data folders are each service's own; the Prometheus
/// files parse and name only metrics the services export.
@Suite struct DeploymentFilesTests {
    static let deploy = RunningSystem.packageRoot.appendingPathComponent("deploy")
    static let hasSystemdAnalyze = FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")
    static let units = [
        "plafond-intake.service", "plafond-monitor.service", "plafond-notifier.service",
        "plafond-reporter.service", "plafond.target",
    ]

    func run(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: String) {
        try RunningSystem.capture(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: folder)
    }

    @Test(.enabled(if: hasSystemdAnalyze, "systemd-analyze is not installed"))
    func theUnitsVerifyWithoutAWord() throws {
        // The executables are where the build put them instead of /usr/local/bin.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-units-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for unit in Self.units {
            let text = try String(
                contentsOf: Self.deploy.appendingPathComponent("systemd/\(unit)"), encoding: .utf8)
            try text.replacingOccurrences(of: "/usr/local/bin", with: RunningSystem.binaryFolder().path)
                .write(to: folder.appendingPathComponent(unit), atomically: true, encoding: .utf8)
        }
        let verified = try run(["systemd-analyze", "verify"] + Self.units, in: folder)
        #expect(verified.status == 0, "\(verified.output)")
        // It also warns, with status 0, about what it ignores (a misspelt value, say).
        let complaints = verified.output.split(separator: "\n").filter { $0.contains("plafond") }
        #expect(complaints.isEmpty, "\(verified.output)")
    }

    @Test func eachServiceRunsAsItsOwnUserWithTheHardeningAndItsOwnDataFolder() throws {
        let tmpfiles = try String(
            contentsOf: Self.deploy.appendingPathComponent("plafond.tmpfiles.conf"), encoding: .utf8)
        for service in ["intake", "monitor", "notifier", "reporter"] {
            let unit = try String(
                contentsOf: Self.deploy.appendingPathComponent("systemd/plafond-\(service).service"), encoding: .utf8)
            for line in [
                "User=plafond-\(service)", "ProtectSystem=strict", "ReadWritePaths=/var/lib/plafond/\(service)",
                "NoNewPrivileges=yes", "PrivateTmp=yes", "Restart=on-failure", "--data /var/lib/plafond/\(service)",
                "ExecStartPost=", "WantedBy=plafond.target",
            ] {
                #expect(unit.contains(line), "plafond-\(service).service lacks \(line)")
            }
            #expect(
                tmpfiles.contains("d /var/lib/plafond/\(service)   0700 plafond-\(service)")
                    || tmpfiles.contains("d /var/lib/plafond/\(service)  0700 plafond-\(service)")
                    || tmpfiles.contains("d /var/lib/plafond/\(service) 0700 plafond-\(service)"),
                "tmpfiles.d has no 0700 folder for \(service)")
        }
    }

    @Test func thePrometheusFilesParseAndNameOnlyExportedMetrics() throws {
        let checked = try run([
            "python3", "-c",
            """
            import re, sys, yaml
            rules = yaml.safe_load(open(sys.argv[1]))
            yaml.safe_load(open(sys.argv[2]))
            names = set()
            for group in rules['groups']:
                for rule in group['rules']:
                    assert rule['alert'] and rule['expr'] and rule['annotations']['summary'], rule
                    names |= set(re.findall(r'plafond_[a-z_]+', rule['expr']))
            print(' '.join(sorted(names)))
            """,
            Self.deploy.appendingPathComponent("prometheus/plafond-rules.yml").path,
            Self.deploy.appendingPathComponent("prometheus/prometheus.yml").path,
        ])
        #expect(checked.status == 0, "\(checked.output)")
        let documented = try String(
            contentsOf: RunningSystem.packageRoot.appendingPathComponent("docs/OPERATIONS.md"), encoding: .utf8)
        let names = checked.output.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(!names.isEmpty)
        for name in names {
            #expect(documented.contains("`\(name)"), "\(name) is in the alert rules but not in docs/OPERATIONS.md")
        }
    }
}
