import Foundation
import Logging
import Messaging

/// How one process's ZeroMQ sockets authenticate: plain in development mode (loopback
/// only, `InsecureBindGuard`), CURVE everywhere otherwise.
///
/// Outside development mode a service has a key pair of its own (`plafond keys --dienst`)
/// that is both the server key of the sockets it binds (its event log, its admin socket)
/// and its client key towards the logs it follows; the keyring tells it the other
/// services' public keys and who may connect (`ServiceKeyring.authorizer`).
public struct ServiceSecurity: Sendable {
    /// nil in development mode.
    public let ownKey: OwnKeyFile?
    public let keyring: ServiceKeyring

    public static let development = ServiceSecurity(ownKey: nil, keyring: nil)

    init(ownKey: OwnKeyFile?, keyring: ServiceKeyring?) {
        self.ownKey = ownKey
        self.keyring = keyring ?? ServiceKeyring(configuration: PlafondConfiguration())
    }

    /// A service's security from its configuration; outside development mode its key file
    /// must exist (a clear error names the command that makes it).
    public static func load(_ configuration: PlafondConfiguration, service: String) throws -> ServiceSecurity {
        let file = OwnKeyFile.serviceFile(service, configuration: configuration)
        return try keyed(
            configuration, file: file,
            missing:
                "\(service) heeft buiten ontwikkelmodus een eigen sleutel nodig: `plafond keys --dienst \(service)` "
                + "(verwacht in \(file.path))")
    }

    /// An operator's (or another client's) security: its own key file, and the keyring
    /// for the services' public keys.
    public static func client(_ configuration: PlafondConfiguration, key: URL) throws -> ServiceSecurity {
        try keyed(
            configuration, file: key,
            missing: "buiten ontwikkelmodus is een beheerderssleutel nodig: `plafond keys --beheerder NAAM`, "
                + "dan PLAFOND_SLEUTEL=<bestand> (gezocht: \(key.path))")
    }

    private static func keyed(_ configuration: PlafondConfiguration, file: URL, missing: String) throws
        -> ServiceSecurity
    {
        guard !configuration.general.development else { return .development }
        guard FileManager.default.fileExists(atPath: file.path) else { throw RuntimeError(.configuration, missing) }
        return ServiceSecurity(
            ownKey: try OwnKeyFile.read(from: file), keyring: ServiceKeyring(configuration: configuration))
    }

    public var isCurve: Bool { ownKey != nil }

    /// For a socket this process binds, judged by the ZAP handler under `domain`.
    public func server(_ domain: String) -> SocketSecurity {
        guard let ownKey else { return .plain }
        return .curveServer(secretKey: ownKey.secretKey, zapDomain: domain)
    }

    /// For a socket this process connects to one of `service`'s sockets.
    public func client(ofService service: String) throws -> SocketSecurity {
        guard let ownKey else { return .plain }
        return .curveClient(
            serverPublicKey: try keyring.publicKey(ofService: service), publicKey: ownKey.publicKey,
            secretKey: ownKey.secretKey)
    }

    /// Starts the process's one ZAP handler (libzmq allows one per context) when CURVE is
    /// on: event-log and admin connections are judged by the keyring, intake's provider
    /// endpoint by `providers`. Stop it after the sockets have closed.
    public func startZAP(
        context: ZMQContext, logger: Logger, providers: (@Sendable (ZAPRequest) -> String?)? = nil
    ) throws -> ZAPHandler? {
        guard isCurve else { return nil }
        let services = keyring.authorizer(logger: logger)
        let handler = ZAPHandler(context: context, logger: logger) { request in
            request.domain == ZAPDomain.providers ? providers?(request) : services(request)
        }
        try handler.start()
        return handler
    }
}
