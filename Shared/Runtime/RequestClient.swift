import Foundation
import Messaging

/// One request, one reply over a DEALER socket, with a deadline: what `plafond` uses to
/// talk to intake and the admin sockets. A missing reply is an error, never a hang.
public struct RequestClient: Sendable {
    public var endpoint: String
    public var timeout: Duration
    public var curve: CurveClientKeys?

    public struct CurveClientKeys: Sendable {
        public var serverPublicKey: String
        public var publicKey: String
        public var secretKey: String
        public init(serverPublicKey: String, publicKey: String, secretKey: String) {
            self.serverPublicKey = serverPublicKey
            self.publicKey = publicKey
            self.secretKey = secretKey
        }
    }

    public init(endpoint: String, timeout: Duration = .seconds(10), curve: CurveClientKeys? = nil) {
        self.endpoint = endpoint
        self.timeout = timeout
        self.curve = curve
    }

    /// Sends each document and returns the replies in order. Runs on the calling thread.
    public func send(_ documents: [Data]) throws -> [Data] {
        let context = ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context, .dealer)
        defer { socket.close() }
        if let curve {
            try socket.setCurveClient(
                serverPublicKey: curve.serverPublicKey, publicKey: curve.publicKey, secretKey: curve.secretKey)
        }
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        try socket.setReceiveTimeout(milliseconds)
        try socket.connect(endpoint)
        var replies: [Data] = []
        for document in documents {
            // An empty delimiter frame makes the ROUTER's envelope look like a REQ's.
            _ = try socket.send([Data(), document])
            guard let reply = try socket.receive(), let body = reply.parts.last else {
                throw RuntimeError(.unreachable, "no answer from \(endpoint) within \(timeout)")
            }
            replies.append(body)
        }
        return replies
    }
}
