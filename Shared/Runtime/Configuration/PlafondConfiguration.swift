import Foundation

/// The one configuration file all four services and the CLI read (TOML).
///
/// Every key has a default, so an empty file (or none) runs a development system on
/// loopback. Each service reads its own section and the endpoints of the producers it
/// follows. Reading TOML (`ConfigurationLoader`) is kept apart from these values.
public struct PlafondConfiguration: Sendable, Equatable, Codable {
    public var general = GeneralConfiguration()
    public var intake = IntakeConfiguration()
    public var monitor = MonitorConfiguration()
    public var notifier = NotifierConfiguration()
    public var reporter = ReporterConfiguration()
    /// Named sets of gemeenten (`[regios]`, e.g. "Rijk van Nijmegen" = ["0268", ...]): a
    /// norm or a report for a regio covers its members.
    public var regios: [String: [String]] = [:]
    /// Keys to split a regio's budget "naar rato" (`[verdeelsleutels.jeugdigen]`,
    /// "0268" = 30500, …): a weight per gemeente, e.g. its youth inhabitants.
    public var verdeelsleutels: [String: [String: Int64]] = [:]
    /// The exception routes of a referral stop (`[uitzonderingsroutes.Regieteam]`
    /// teams = ["Regieteam"]); nil for Nijmegen's (see `exceptionRoutes`).
    public var uitzonderingsroutes: [String: ExceptionRouteConfiguration]?

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        general = try c.decodeIfPresent(GeneralConfiguration.self, forKey: .general) ?? .init()
        intake = try c.decodeIfPresent(IntakeConfiguration.self, forKey: .intake) ?? .init()
        monitor = try c.decodeIfPresent(MonitorConfiguration.self, forKey: .monitor) ?? .init()
        notifier = try c.decodeIfPresent(NotifierConfiguration.self, forKey: .notifier) ?? .init()
        reporter = try c.decodeIfPresent(ReporterConfiguration.self, forKey: .reporter) ?? .init()
        regios = try c.decodeIfPresent([String: [String]].self, forKey: .regios) ?? [:]
        verdeelsleutels = try c.decodeIfPresent([String: [String: Int64]].self, forKey: .verdeelsleutels) ?? [:]
        uitzonderingsroutes = try c.decodeIfPresent(
            [String: ExceptionRouteConfiguration].self, forKey: .uitzonderingsroutes)
    }

    /// Where a service keeps its SQLite file: `<data>/<service>.sqlite`.
    public func storePath(_ service: String) -> String {
        URL(fileURLWithPath: general.dataDirectory).appendingPathComponent("\(service).sqlite").path
    }
}

public struct GeneralConfiguration: Sendable, Equatable, Codable {
    /// Folder holding each service's SQLite file.
    public var dataDirectory = "data"
    /// Development mode allows plain (non-CURVE) provider traffic on loopback only.
    public var development = true
    /// Secret for the keyed pseudonym (HMAC-SHA256) that replaces the BSN outside intake.
    /// The default is for development only; a production file must set its own.
    public var pseudonymKey = "plafond-development-pseudonym-key"
    /// Log level: trace, debug, info, notice, warning, error, critical.
    public var logLevel = "info"
    /// `/readyz` fails while a consumer is more events than this behind its producer.
    public var readyMaxLag = 10_000
    /// Public keys of the services and operators (`plafond keys --dienst/--beheerder`):
    /// who may read an event log and who may give admin commands outside development
    /// mode. Holds no secret; on several hosts, every host gets the same file.
    public var keyringFile = "sleutelring.json"
    /// Folder (in the data folder unless absolute) of this host's services' own key
    /// pairs, one `<dienst>.json` each, readable by the owner only.
    public var serviceKeyFolder = "sleutels"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dataDirectory = "data"
        case development
        case pseudonymKey = "pseudonym_key"
        case logLevel = "log_level"
        case readyMaxLag = "ready_max_lag"
        case keyringFile = "keyring_file"
        case serviceKeyFolder = "service_key_folder"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = GeneralConfiguration()
        dataDirectory = try c.decodeIfPresent(String.self, forKey: .dataDirectory) ?? d.dataDirectory
        development = try c.decodeIfPresent(Bool.self, forKey: .development) ?? d.development
        pseudonymKey = try c.decodeIfPresent(String.self, forKey: .pseudonymKey) ?? d.pseudonymKey
        logLevel = try c.decodeIfPresent(String.self, forKey: .logLevel) ?? d.logLevel
        readyMaxLag = try c.decodeIfPresent(Int.self, forKey: .readyMaxLag) ?? d.readyMaxLag
        keyringFile = try c.decodeIfPresent(String.self, forKey: .keyringFile) ?? d.keyringFile
        serviceKeyFolder = try c.decodeIfPresent(String.self, forKey: .serviceKeyFolder) ?? d.serviceKeyFolder
    }
}

/// The two endpoints of one producer's event log.
public struct EventLogEndpoints: Sendable, Equatable, Codable {
    public var publish: String
    public var catchUp: String

    public init(publish: String, catchUp: String) {
        self.publish = publish
        self.catchUp = catchUp
    }
}
