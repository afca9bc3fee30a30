import Foundation
import Logging
import Messaging
import ServiceLifecycle

/// A ROUTER socket answering `plafond` admin commands: one JSON part in, one JSON part out.
///
/// Works with REQ clients (an empty delimiter frame) and DEALER clients alike: every
/// frame before the last is envelope and is sent back unchanged. Admin sockets stay on
/// loopback unless the operator passes `--insecure` (CURVE for admin comes later).
public struct AdminSocketServer: Service {
    public typealias Handler = @Sendable (Data) -> Data

    private let context: ZMQContext
    private let endpoint: String
    private let handler: Handler
    private let logger: Logger

    public init(context: ZMQContext, endpoint: String, insecure: Bool, logger: Logger, handler: @escaping Handler)
        throws
    {
        try InsecureBindGuard.check(endpoint: endpoint, curve: false, insecure: insecure)
        self.context = context
        self.endpoint = endpoint
        self.handler = handler
        self.logger = logger
    }

    public func run() async throws {
        try await SocketThread.run(name: "admin") { [context, endpoint, handler, logger] stop in
            // Created, used and closed on this thread only.
            let socket = try ZMQSocket(context, .router)
            defer { socket.close() }
            try socket.setReceiveTimeout(100)
            try socket.setMaxMessageSize(1 << 20)
            try socket.bind(endpoint)
            logger.info("admin socket listening", metadata: ["endpoint": "\(endpoint)"])
            while !stop.shouldStop {
                guard let message = try SocketReceive.next(socket) else { continue }
                guard message.parts.count >= 2, let request = message.parts.last else {
                    logger.warning("admin request without envelope dropped")
                    continue
                }
                let reply = handler(request)
                do {
                    if try !socket.send(Array(message.parts.dropLast()) + [reply], dontWait: true) {
                        logger.warning("admin reply not delivered: client gone")
                    }
                } catch {
                    logger.warning("admin reply not delivered", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
