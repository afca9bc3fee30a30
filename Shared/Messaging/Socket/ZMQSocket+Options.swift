import CZeroMQ
import Foundation

/// Socket options, each named after what it does.
extension ZMQSocket {
    public func setLinger(_ milliseconds: Int32) throws { try setInt(ZMQ_LINGER, milliseconds) }
    public func setSendHighWaterMark(_ messages: Int32) throws { try setInt(ZMQ_SNDHWM, messages) }
    public func setReceiveHighWaterMark(_ messages: Int32) throws { try setInt(ZMQ_RCVHWM, messages) }
    /// A blocking receive returns nil after this long (-1: wait forever).
    public func setReceiveTimeout(_ milliseconds: Int32) throws { try setInt(ZMQ_RCVTIMEO, milliseconds) }
    public func setSendTimeout(_ milliseconds: Int32) throws { try setInt(ZMQ_SNDTIMEO, milliseconds) }
    /// Peers sending a larger message are disconnected: the bound on untrusted input.
    public func setMaxMessageSize(_ bytes: Int64) throws { try setInt64(ZMQ_MAXMSGSIZE, bytes) }
    /// ROUTER: fail instead of silently dropping a message for an unknown peer.
    public func setRouterMandatory(_ on: Bool) throws { try setInt(ZMQ_ROUTER_MANDATORY, on ? 1 : 0) }
    /// Queue messages only to completed connections.
    public func setImmediate(_ on: Bool) throws { try setInt(ZMQ_IMMEDIATE, on ? 1 : 0) }
    public func setReconnectInterval(_ milliseconds: Int32) throws { try setInt(ZMQ_RECONNECT_IVL, milliseconds) }
    public func setRoutingId(_ id: Data) throws { try setBytes(ZMQ_ROUTING_ID, id) }
    public func subscribe(_ prefix: Data) throws { try setBytes(ZMQ_SUBSCRIBE, prefix) }
    public func subscribeAll() throws { try subscribe(Data()) }

    /// Makes this socket a CURVE server with the given secret key (Z85, 40 characters).
    public func setCurveServer(secretKey: String) throws {
        try setInt(ZMQ_CURVE_SERVER, 1)
        try setString(ZMQ_CURVE_SECRETKEY, secretKey)
    }

    /// Makes this socket a CURVE client of a server with the given public key.
    public func setCurveClient(serverPublicKey: String, publicKey: String, secretKey: String) throws {
        try setString(ZMQ_CURVE_SERVERKEY, serverPublicKey)
        try setString(ZMQ_CURVE_PUBLICKEY, publicKey)
        try setString(ZMQ_CURVE_SECRETKEY, secretKey)
    }

    /// The ZAP domain: with it set, every connection is authenticated by the ZAP handler.
    public func setZapDomain(_ domain: String) throws { try setString(ZMQ_ZAP_DOMAIN, domain) }

    // MARK: - Raw setters

    func setInt(_ option: Int32, _ value: Int32) throws {
        let socket = try raw()
        var value = value
        _ = try zmqCall("zmq_setsockopt \(option)") {
            zmq_setsockopt(socket, option, &value, MemoryLayout<Int32>.size)
        }
    }

    func setInt64(_ option: Int32, _ value: Int64) throws {
        let socket = try raw()
        var value = value
        _ = try zmqCall("zmq_setsockopt \(option)") {
            zmq_setsockopt(socket, option, &value, MemoryLayout<Int64>.size)
        }
    }

    func setBytes(_ option: Int32, _ value: Data) throws {
        let socket = try raw()
        _ = try zmqCall("zmq_setsockopt \(option)") {
            value.withUnsafeBytes { zmq_setsockopt(socket, option, $0.baseAddress, $0.count) }
        }
    }

    func setString(_ option: Int32, _ value: String) throws {
        try setBytes(option, Data(value.utf8))
    }

    func stringOption(_ option: Int32) throws -> String {
        let socket = try raw()
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        _ = try zmqCall("zmq_getsockopt \(option)") { zmq_getsockopt(socket, option, &buffer, &size) }
        return String(cString: buffer)
    }
}
