/// `[intake]`: the provider endpoint, intake's event log, and what it knows of gemeenten.
public struct IntakeConfiguration: Sendable, Equatable, Codable {
    public var endpoint = "tcp://127.0.0.1:5570"
    public var eventsPublish = "tcp://127.0.0.1:5571"
    public var eventsCatchUp = "tcp://127.0.0.1:5572"
    public var metrics = "127.0.0.1:9570"
    /// CBS codes of the gemeenten this installation serves (S300 for any other).
    /// Empty means: accept any well-formed 4-digit code.
    public var gemeenten: [String] = []
    /// Gemeenten whose own system sends its allocations (JW301) to Plafond: their
    /// declarations are checked against them (9338, 9307/9308, 9339/9340, 9341,
    /// 9321/9322, 9369). Every other gemeente runs with allocation checks off, and
    /// intake says so in its log at start.
    public var allocationGemeenten: [String] = []
    /// CSV file of contract tariffs (0611), relative to the data folder unless absolute.
    /// Unset: tariffs are not checked against contracts.
    public var tariffsFile: String?
    /// CSV file of the product code list per gemeente (TR381, S329), relative to the data
    /// folder unless absolute. Unset: product codes are not checked against categories.
    public var productCodesFile: String?
    /// File mapping CURVE public keys to AGB or gemeente codes (written by `plafond keys`).
    public var keysFile = "keys.json"
    /// File holding intake's own CURVE key pair (created on first start outside development).
    public var serverKeyFile = "intake-server-key.json"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case endpoint, metrics, gemeenten
        case allocationGemeenten = "allocation_gemeenten"
        case tariffsFile = "tariffs_file"
        case productCodesFile = "product_codes_file"
        case eventsPublish = "events_publish"
        case eventsCatchUp = "events_catchup"
        case keysFile = "keys_file"
        case serverKeyFile = "server_key_file"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        endpoint = try c.decodeIfPresent(String.self, forKey: .endpoint) ?? d.endpoint
        eventsPublish = try c.decodeIfPresent(String.self, forKey: .eventsPublish) ?? d.eventsPublish
        eventsCatchUp = try c.decodeIfPresent(String.self, forKey: .eventsCatchUp) ?? d.eventsCatchUp
        metrics = try c.decodeIfPresent(String.self, forKey: .metrics) ?? d.metrics
        gemeenten = try c.decodeIfPresent([String].self, forKey: .gemeenten) ?? d.gemeenten
        allocationGemeenten =
            try c.decodeIfPresent([String].self, forKey: .allocationGemeenten) ?? d.allocationGemeenten
        tariffsFile = try c.decodeIfPresent(String.self, forKey: .tariffsFile)
        productCodesFile = try c.decodeIfPresent(String.self, forKey: .productCodesFile)
        keysFile = try c.decodeIfPresent(String.self, forKey: .keysFile) ?? d.keysFile
        serverKeyFile = try c.decodeIfPresent(String.self, forKey: .serverKeyFile) ?? d.serverKeyFile
    }

    public var events: EventLogEndpoints { EventLogEndpoints(publish: eventsPublish, catchUp: eventsCatchUp) }
}

/// `[monitor]`: the admin socket and monitor's event log.
public struct MonitorConfiguration: Sendable, Equatable, Codable {
    public var admin = "tcp://127.0.0.1:5580"
    /// Referrer types (COD327, e.g. "04" gecertificeerde instelling) whose clients may
    /// enter during a referral stop without raising `inflow.during.stop`.
    public var exemptVerwijzerTypes: [String] = []
    /// A signaalplafond exceeded by more than this percentage in a period that has ended
    /// produces the advice to agree a bestedingsruimte for the next one.
    public var previousPeriodMarginPercent = 10
    /// A month of care counts as complete for the forecast once a later month has
    /// declarations or this many days have passed since it ended.
    public var forecastLagDays = 45
    /// Complete months whose average is the forecast's run-rate.
    public var forecastMonths = 3
    /// Complete months a forecast needs before it raises a forecast alert or stop advice;
    /// before that it is shown as indicative.
    public var forecastMinMonths = 3
    /// Months without care at a provider after which a client counts as new again for
    /// an instroomtarget and for arrivals during a stop ("(opnieuw) in zorg").
    public var instroomGapMonths = 12
    public var eventsPublish = "tcp://127.0.0.1:5581"
    public var eventsCatchUp = "tcp://127.0.0.1:5582"
    public var metrics = "127.0.0.1:9580"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case admin, metrics
        case eventsPublish = "events_publish"
        case eventsCatchUp = "events_catchup"
        case exemptVerwijzerTypes = "exempt_verwijzer_types"
        case previousPeriodMarginPercent = "previous_period_margin"
        case forecastLagDays = "forecast_lag_days"
        case forecastMonths = "forecast_months"
        case forecastMinMonths = "forecast_min_months"
        case instroomGapMonths = "instroom_gap_months"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        admin = try c.decodeIfPresent(String.self, forKey: .admin) ?? d.admin
        exemptVerwijzerTypes =
            try c.decodeIfPresent([String].self, forKey: .exemptVerwijzerTypes) ?? d.exemptVerwijzerTypes
        previousPeriodMarginPercent =
            try c.decodeIfPresent(Int.self, forKey: .previousPeriodMarginPercent) ?? d.previousPeriodMarginPercent
        forecastLagDays = try c.decodeIfPresent(Int.self, forKey: .forecastLagDays) ?? d.forecastLagDays
        forecastMonths = try c.decodeIfPresent(Int.self, forKey: .forecastMonths) ?? d.forecastMonths
        forecastMinMonths = try c.decodeIfPresent(Int.self, forKey: .forecastMinMonths) ?? d.forecastMinMonths
        instroomGapMonths = try c.decodeIfPresent(Int.self, forKey: .instroomGapMonths) ?? d.instroomGapMonths
        eventsPublish = try c.decodeIfPresent(String.self, forKey: .eventsPublish) ?? d.eventsPublish
        eventsCatchUp = try c.decodeIfPresent(String.self, forKey: .eventsCatchUp) ?? d.eventsCatchUp
        metrics = try c.decodeIfPresent(String.self, forKey: .metrics) ?? d.metrics
    }

    public var events: EventLogEndpoints { EventLogEndpoints(publish: eventsPublish, catchUp: eventsCatchUp) }
}

/// `[notifier]`: where mail goes out, who receives what, and notifier's own log.
public struct NotifierConfiguration: Sendable, Equatable, Codable {
    public var admin = "tcp://127.0.0.1:5590"
    public var eventsPublish = "tcp://127.0.0.1:5591"
    public var eventsCatchUp = "tcp://127.0.0.1:5592"
    public var metrics = "127.0.0.1:9590"
    public var smtpURL = "smtp://127.0.0.1:2525"
    public var smtpUsername: String?
    public var smtpPassword: String?
    public var from = "plafond@gemeente.example"
    /// Base address of the reporter's dashboard, for the link in each e-mail.
    public var dashboardURL = "http://127.0.0.1:8080"
    /// Who receives every alert until routing rules say otherwise.
    public var recipients: [Recipient] = []
    /// Deliveries are retried with backoff up to this many attempts, then marked failed.
    /// With the backoff capped at an hour, 24 tries keep a notification alive through about
    /// 7 to 14 hours of an unreachable server (a night of SMTP trouble), never less.
    public var maxAttempts = 24
    /// First retry delay; each next one doubles (with jitter), capped at an hour.
    public var retryBase = ConfiguredDuration(seconds: 5)
    /// How long one SMTP or webhook delivery may take before it counts as failed.
    public var deliveryTimeout = ConfiguredDuration(seconds: 30)
    /// How long to wait after a group's first alert, so alerts arriving together go in one message.
    public var groupWait = ConfiguredDuration(seconds: 0)
    /// After a group was notified, new alerts in it wait this long since that notification.
    public var groupInterval = ConfiguredDuration(seconds: 300)
    /// An alert still firing and not acknowledged is sent again after this long.
    public var repeatInterval = ConfiguredDuration(seconds: 604_800)
    /// An alert not acknowledged within this time escalates.
    public var escalateAfter = ConfiguredDuration(seconds: 1_209_600)
    /// Who hears of an escalation when the route names nobody (e.g. the policy advisor).
    public var escalateTo: Recipient?
    /// Whether people are told when an alert resolves.
    public var sendResolved = true
    /// Hour of the day (Europe/Amsterdam) the daily digest of low-severity alerts goes out.
    public var digestHour = 8
    /// Webhook answers in the 4xx range that are retried instead of failing for good.
    public var webhookRetryStatuses = [408, 429]

    /// A person in the configuration file: receives every alert (`recipients`) or escalations (`escalate_to`).
    public struct Recipient: Sendable, Equatable, Codable {
        public var name: String
        public var email: String
        public var webhook: String?
        public init(name: String, email: String, webhook: String? = nil) {
            self.name = name
            self.email = email
            self.webhook = webhook
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, email, webhook
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case admin, metrics, from, recipients
        case eventsPublish = "events_publish"
        case eventsCatchUp = "events_catchup"
        case smtpURL = "smtp_url"
        case smtpUsername = "smtp_username"
        case smtpPassword = "smtp_password"
        case dashboardURL = "dashboard_url"
        case maxAttempts = "max_attempts"
        case retryBase = "retry_base"
        case deliveryTimeout = "delivery_timeout"
        case groupWait = "group_wait"
        case groupInterval = "group_interval"
        case repeatInterval = "repeat_interval"
        case escalateAfter = "escalate_after"
        case escalateTo = "escalate_to"
        case sendResolved = "send_resolved"
        case digestHour = "digest_hour"
        case webhookRetryStatuses = "webhook_retry_statuses"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        admin = try c.decodeIfPresent(String.self, forKey: .admin) ?? d.admin
        eventsPublish = try c.decodeIfPresent(String.self, forKey: .eventsPublish) ?? d.eventsPublish
        eventsCatchUp = try c.decodeIfPresent(String.self, forKey: .eventsCatchUp) ?? d.eventsCatchUp
        metrics = try c.decodeIfPresent(String.self, forKey: .metrics) ?? d.metrics
        smtpURL = try c.decodeIfPresent(String.self, forKey: .smtpURL) ?? d.smtpURL
        smtpUsername = try c.decodeIfPresent(String.self, forKey: .smtpUsername)
        smtpPassword = try c.decodeIfPresent(String.self, forKey: .smtpPassword)
        from = try c.decodeIfPresent(String.self, forKey: .from) ?? d.from
        dashboardURL = try c.decodeIfPresent(String.self, forKey: .dashboardURL) ?? d.dashboardURL
        recipients = try c.decodeIfPresent([Recipient].self, forKey: .recipients) ?? d.recipients
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? d.maxAttempts
        retryBase = try c.decodeIfPresent(ConfiguredDuration.self, forKey: .retryBase) ?? d.retryBase
        deliveryTimeout = try c.decodeIfPresent(ConfiguredDuration.self, forKey: .deliveryTimeout) ?? d.deliveryTimeout
        groupWait = try c.decodeIfPresent(ConfiguredDuration.self, forKey: .groupWait) ?? d.groupWait
        groupInterval = try c.decodeIfPresent(ConfiguredDuration.self, forKey: .groupInterval) ?? d.groupInterval
        repeatInterval = try c.decodeIfPresent(ConfiguredDuration.self, forKey: .repeatInterval) ?? d.repeatInterval
        escalateAfter = try c.decodeIfPresent(ConfiguredDuration.self, forKey: .escalateAfter) ?? d.escalateAfter
        escalateTo = try c.decodeIfPresent(Recipient.self, forKey: .escalateTo)
        sendResolved = try c.decodeIfPresent(Bool.self, forKey: .sendResolved) ?? d.sendResolved
        digestHour = try c.decodeIfPresent(Int.self, forKey: .digestHour) ?? d.digestHour
        webhookRetryStatuses =
            try c.decodeIfPresent([Int].self, forKey: .webhookRetryStatuses) ?? d.webhookRetryStatuses
    }

    public var events: EventLogEndpoints { EventLogEndpoints(publish: eventsPublish, catchUp: eventsCatchUp) }
}

/// `[reporter]`: the HTTP address of the dashboard and API, the admin socket for
/// `plafond user`, and how the dashboard knows who is looking.
public struct ReporterConfiguration: Sendable, Equatable, Codable {
    public var http = "127.0.0.1:8080"
    /// Required as `Authorization: Bearer …` on `/api/…` when `http` is not a loopback address.
    public var token: String?
    /// A connection whose first request head is not complete this long after it opened
    /// is closed: slow clients cannot hold connections open.
    public var headerTimeout = ConfiguredDuration(seconds: 10)
    /// A kept-alive connection with nothing to do is closed after this long.
    public var idleTimeout = ConfiguredDuration(seconds: 60)
    /// At most this many connections at once; more wait in the listen backlog.
    public var maxConnections = 512
    /// `duur_signaal_maanden`: the report counts clients in care at one provider for longer
    /// than this many months (Nijmegen's "duur" beside "intensiteit"), as a signal.
    public var durationSignalMonths = 12

    /// Bearer tokens per client system, each with a role (`lezer`, `contractmanager`,
    /// `beheerder`): `clients = [{ name = "bi", token = "…", role = "lezer" }]`.
    public var clients: [APIClient] = []

    public struct APIClient: Sendable, Equatable, Codable {
        public var name: String
        public var token: String
        public var role: String
        public init(name: String, token: String, role: String) {
            self.name = name
            self.token = token
            self.role = role
        }
    }
    /// `plafond user add|list|disable` (accounts for the dashboard's login).
    public var admin = "tcp://127.0.0.1:5595"
    /// Mark the session cookie `Secure`: set when the dashboard is reached over TLS.
    public var secureCookies = false
    /// Single sign-on: the address of a reverse proxy that authenticates people and
    /// names them in `trusted_user_header`; that header from any other address is ignored.
    public var trustedProxy: String?
    public var trustedUserHeader = "X-Remote-User"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case http, token, admin, clients
        case secureCookies = "secure_cookies"
        case trustedProxy = "trusted_proxy"
        case trustedUserHeader = "trusted_user_header"
        case headerTimeout = "header_timeout"
        case idleTimeout = "idle_timeout"
        case maxConnections = "max_connections"
        case durationSignalMonths = "duur_signaal_maanden"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        http = try c.decodeIfPresent(String.self, forKey: .http) ?? d.http
        token = try c.decodeIfPresent(String.self, forKey: .token)
        admin = try c.decodeIfPresent(String.self, forKey: .admin) ?? d.admin
        clients = try c.decodeIfPresent([APIClient].self, forKey: .clients) ?? []
        secureCookies = try c.decodeIfPresent(Bool.self, forKey: .secureCookies) ?? d.secureCookies
        trustedProxy = try c.decodeIfPresent(String.self, forKey: .trustedProxy)
        trustedUserHeader = try c.decodeIfPresent(String.self, forKey: .trustedUserHeader) ?? d.trustedUserHeader
        headerTimeout = try c.decodeIfPresent(ConfiguredDuration.self, forKey: .headerTimeout) ?? d.headerTimeout
        idleTimeout = try c.decodeIfPresent(ConfiguredDuration.self, forKey: .idleTimeout) ?? d.idleTimeout
        maxConnections = try c.decodeIfPresent(Int.self, forKey: .maxConnections) ?? d.maxConnections
        durationSignalMonths =
            try c.decodeIfPresent(Int.self, forKey: .durationSignalMonths) ?? d.durationSignalMonths
        guard maxConnections > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .maxConnections, in: c, debugDescription: "max_connections must be at least 1")
        }
    }
}
