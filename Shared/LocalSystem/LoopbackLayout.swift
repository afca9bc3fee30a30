/// Where a whole Plafond on one machine listens, counted from one base port: intake
/// base+0…9, monitor +10…19, notifier +20…29 (the SMTP sink +25), reporter's HTTP +80
/// and its admin socket +81.
/// The demo and the system benchmarks run the four services this way, on loopback only.
public struct LoopbackLayout: Sendable {
    public let basePort: Int

    public init(basePort: Int) {
        self.basePort = basePort
    }

    public var intakeEndpoint: String { tcp(0) }
    public var monitorAdmin: String { tcp(10) }
    public var monitorPublish: String { tcp(11) }
    public var monitorCatchUp: String { tcp(12) }
    public var smtpPort: Int { basePort + 25 }
    public var httpAddress: String { "127.0.0.1:\(basePort + 80)" }
    public var reporterAdmin: String { tcp(81) }

    /// The `[intake]`, `[monitor]`, `[notifier]` and `[reporter]` sections of the
    /// configuration with every endpoint; `monitor` and `notifier` add their other settings.
    public func sections(monitor: [String] = [], notifier: [String] = []) -> String {
        """
        [intake]
        endpoint = "\(intakeEndpoint)"
        events_publish = "\(tcp(1))"
        events_catchup = "\(tcp(2))"
        metrics = "127.0.0.1:\(basePort + 9)"

        [monitor]
        admin = "\(monitorAdmin)"
        events_publish = "\(monitorPublish)"
        events_catchup = "\(monitorCatchUp)"
        metrics = "127.0.0.1:\(basePort + 19)"
        \(monitor.joined(separator: "\n"))

        [notifier]
        admin = "\(tcp(20))"
        events_publish = "\(tcp(21))"
        events_catchup = "\(tcp(22))"
        metrics = "127.0.0.1:\(basePort + 29)"
        smtp_url = "smtp://127.0.0.1:\(smtpPort)"
        \(notifier.joined(separator: "\n"))

        [reporter]
        http = "\(httpAddress)"
        admin = "\(reporterAdmin)"
        """
    }

    private func tcp(_ offset: Int) -> String { "tcp://127.0.0.1:\(basePort + offset)" }
}
