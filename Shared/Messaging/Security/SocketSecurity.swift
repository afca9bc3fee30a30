/// How one ZeroMQ socket authenticates: plain (development, loopback), a CURVE server
/// whose every connection the ZAP handler judges under `zapDomain`, or a CURVE client
/// that knows the server's public key and proves its own.
///
/// One value applied the same way to every socket (the event-log publisher and its
/// subscribers, the admin routers and their clients, intake's provider endpoint), so no
/// socket can forget the ZAP domain that makes libzmq ask who is connecting.
public enum SocketSecurity: Sendable, Equatable {
    case plain
    case curveServer(secretKey: String, zapDomain: String)
    case curveClient(serverPublicKey: String, publicKey: String, secretKey: String)

    public var isCurve: Bool { self != .plain }
}

extension ZMQSocket {
    /// Call before `bind` or `connect`: libzmq reads these options at the handshake.
    public func apply(_ security: SocketSecurity) throws {
        switch security {
        case .plain:
            return
        case .curveServer(let secretKey, let zapDomain):
            try setCurveServer(secretKey: secretKey)
            try setZapDomain(zapDomain)
        case .curveClient(let serverPublicKey, let publicKey, let secretKey):
            try setCurveClient(serverPublicKey: serverPublicKey, publicKey: publicKey, secretKey: secretKey)
        }
    }
}

/// The ZAP domains Plafond's sockets use, so one handler per process can judge each
/// connection by what it connects to.
public enum ZAPDomain {
    /// Intake's provider endpoint: providers' and gemeenten' registered keys.
    public static let providers = "plafond-intake"
    /// Every service's event log (PUB and catch-up ROUTER): the services' own keys.
    public static let eventLog = "plafond-eventlog"
    /// Admin routers: operators' keys, and the reporter's for the workplace's commands.
    public static let admin = "plafond-beheer"
}
