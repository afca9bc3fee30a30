import CZeroMQ
import Foundation
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// What a ZAP request says about a connecting peer (RFC 27, ZAP 1.0).
public struct ZAPRequest: Sendable, Equatable {
    public var domain: String
    public var address: String
    public var mechanism: String
    public var publicKeyZ85: String?
}

/// The ZeroMQ authentication handler: a REP socket on `inproc://zeromq.zap.01` that
/// libzmq asks about every connection to a socket with a ZAP domain. It maps a client's
/// CURVE public key to an identity and refuses unknown keys; without a handler libzmq
/// would accept any CURVE client, so servers always set one.
///
/// `@unchecked Sendable`: the socket lives on the handler's own thread; `start`/`stop`
/// only touch the thread and an atomic flag.
public final class ZAPHandler: @unchecked Sendable {
    public static let endpoint = "inproc://zeromq.zap.01"

    private let context: ZMQContext
    private let logger: Logger
    private let authorize: @Sendable (ZAPRequest) -> String?
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    /// Whether the thread has ended, and who awaits that (`run`).
    private let ended = Mutex<(done: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))
    private var thread: Thread?
    /// Counts refusals, so tests and metrics can see them.
    public let refusals = Atomic<Int>(0)

    public init(context: ZMQContext, logger: Logger, authorize: @escaping @Sendable (ZAPRequest) -> String?) {
        self.context = context
        self.logger = logger
        self.authorize = authorize
    }

    /// Binds the handler's socket before returning, so no CURVE connection can slip in
    /// before it is ready.
    public func start() throws {
        let bound = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        let thread = Thread { [self] in
            do {
                let socket = try ZMQSocket(context, .rep)
                defer { socket.close() }
                try socket.setReceiveTimeout(100)
                try socket.bind(Self.endpoint)
                bound.signal()
                serve(socket)
            } catch {
                failure.withLock { $0 = error }
                bound.signal()
            }
            let waiter = ended.withLock { state in
                state.done = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
            finished.signal()
        }
        thread.name = "zap"
        self.thread = thread
        thread.start()
        bound.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Stops the thread and closes the socket; returns once it has.
    public func stop() {
        guard thread != nil, !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }

    /// Awaits the thread's end without blocking a Swift concurrency thread.
    private func threadEnded() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = ended.withLock { state in
                if !state.done { state.waiter = continuation }
                return state.done
            }
            if done { continuation.resume() }
        }
    }

    private func serve(_ socket: ZMQSocket) {
        while !stopping.load(ordering: .acquiring) {
            let message: ZMQMessage?
            do {
                message = try socket.receive()
            } catch let error as ZMQError where error.isWouldBlock || error.isInterrupted {
                continue
            } catch {
                logger.error("ZAP handler stopped", metadata: ["error": "\(error)"])
                return
            }
            guard let message else { continue }
            do {
                try socket.send(reply(to: message.parts))
            } catch {
                logger.error("ZAP reply failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Frames: version, request id, domain, address, identity, mechanism, credentials...
    func reply(to frames: [Data]) -> [Data] {
        let text = { (index: Int) in frames.count > index ? String(decoding: frames[index], as: UTF8.self) : "" }
        let requestID = frames.count > 1 ? frames[1] : Data()
        guard frames.count >= 6, text(0) == "1.0" else {
            return [Data("1.0".utf8), requestID, Data("500".utf8), Data("malformed ZAP request".utf8), Data(), Data()]
        }
        var publicKey: String?
        if text(5) == "CURVE", frames.count >= 7, frames[6].count == 32 {
            var z85 = [CChar](repeating: 0, count: 41)
            frames[6].withUnsafeBytes { raw in
                _ = zmq_z85_encode(&z85, raw.bindMemory(to: UInt8.self).baseAddress, 32)
            }
            publicKey = String(cString: z85)
        }
        let request = ZAPRequest(domain: text(2), address: text(3), mechanism: text(5), publicKeyZ85: publicKey)
        if let identity = authorize(request) {
            return [Data("1.0".utf8), requestID, Data("200".utf8), Data("OK".utf8), Data(identity.utf8), Data()]
        }
        refusals.add(1, ordering: .relaxed)
        // Per domain, so an operator sees whether providers, services or admin clients are refused.
        Counter(label: "plafond_connections_refused_total", dimensions: [("domain", request.domain)]).increment()
        logger.warning(
            "connection refused: unknown key",
            metadata: [
                "zap.domain": "\(request.domain)", "zap.mechanism": "\(request.mechanism)",
                "zap.address": "\(request.address)",
                "zap.key_prefix": "\(publicKey.map { String($0.prefix(8)) } ?? "-")",
            ])
        return [Data("1.0".utf8), requestID, Data("400".utf8), Data("unknown key".utf8), Data(), Data()]
    }
}

/// The handler in the service group: bound already by `start` (before any socket it
/// judges), it serves until the group shuts down. Put first in the group, it stops last,
/// after every socket that needs it has closed.
extension ZAPHandler: Service {
    public func run() async throws {
        try? await gracefulShutdown()
        guard thread != nil, !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await threadEnded()
    }
}
