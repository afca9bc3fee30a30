import CZeroMQ
import Foundation

/// One libzmq socket. Not Sendable: a socket belongs to the one thread that created it
/// (libzmq sockets are not thread-safe), and is closed by it with LINGER 0.
public final class ZMQSocket {
    private var handle: UnsafeMutableRawPointer?
    public let type: ZMQSocketType

    public init(_ context: ZMQContext, _ type: ZMQSocketType) throws {
        guard let handle = zmq_socket(context.raw, type.raw) else { throw ZMQError.last("zmq_socket") }
        self.handle = handle
        self.type = type
    }

    deinit {
        close()
    }

    /// Sets LINGER (0 unless given: nothing unsent holds up the context's termination),
    /// then closes. Idempotent.
    public func close(lingerMilliseconds: Int32 = 0) {
        guard let handle else { return }
        var linger = lingerMilliseconds
        zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
        zmq_close(handle)
        self.handle = nil
    }

    func raw() throws -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(code: ENOTSOCK, operation: "socket closed") }
        return handle
    }

    public func bind(_ endpoint: String) throws {
        let socket = try raw()
        _ = try zmqCall("zmq_bind \(endpoint)") { zmq_bind(socket, endpoint) }
    }

    public func connect(_ endpoint: String) throws {
        let socket = try raw()
        _ = try zmqCall("zmq_connect \(endpoint)") { zmq_connect(socket, endpoint) }
    }

    /// The endpoint actually bound, e.g. `tcp://127.0.0.1:49152` after binding port `*`.
    public var lastEndpoint: String {
        get throws { try stringOption(ZMQ_LAST_ENDPOINT) }
    }

    /// Sends all parts as one message. With `dontWait`, returns false instead of blocking
    /// when the message cannot be queued now (high-water mark, no peer).
    @discardableResult
    public func send(_ parts: [Data], dontWait: Bool = false) throws -> Bool {
        let socket = try raw()
        let parts = parts.isEmpty ? [Data()] : parts
        for (index, part) in parts.enumerated() {
            var flags: Int32 = index < parts.count - 1 ? ZMQ_SNDMORE : 0
            if dontWait { flags |= ZMQ_DONTWAIT }
            do {
                _ = try zmqCall("zmq_send") {
                    part.withUnsafeBytes { buffer in zmq_send(socket, buffer.baseAddress, buffer.count, flags) }
                }
            } catch let error as ZMQError where error.isWouldBlock && index == 0 {
                // Nothing was queued: the caller may try again later.
                return false
            }
        }
        return true
    }

    /// Receives one whole multipart message; nil when none is ready (`dontWait`, or the
    /// receive timeout passed). Each part is read through a heap-held `zmq_msg_t`, so
    /// there is no fixed buffer and no truncation.
    public func receive(dontWait: Bool = false) throws -> ZMQMessage? {
        let socket = try raw()
        let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
        defer { message.deallocate() }
        var parts: [Data] = []
        var userId: String?
        while true {
            zmq_msg_init(message)
            defer { zmq_msg_close(message) }
            let flags: Int32 = parts.isEmpty && dontWait ? ZMQ_DONTWAIT : 0
            do {
                _ = try zmqCall("zmq_msg_recv") { zmq_msg_recv(message, socket, flags) }
            } catch let error as ZMQError where error.isWouldBlock && parts.isEmpty {
                return nil
            }
            let size = zmq_msg_size(message)
            parts.append(size == 0 ? Data() : Data(bytes: zmq_msg_data(message), count: size))
            // Any frame may carry it: after zmq_poll, libzmq's ROUTER gives the routing-id
            // frame it made up front no metadata, only the frames that came from the peer.
            if userId == nil, let property = zmq_msg_gets(message, "User-Id") {
                userId = String(cString: property)
            }
            if zmq_msg_more(message) == 0 { break }
        }
        return ZMQMessage(parts: parts, userId: userId)
    }
}
