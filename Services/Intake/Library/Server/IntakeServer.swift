import Foundation
import Logging
import Messaging
import Metrics
import Runtime
import ServiceLifecycle

/// The provider endpoint: a ROUTER that takes iJw messages and answers each only after
/// its effects are durably committed.
///
/// Requests are read as they arrive and stored by one writer in arrival order
/// (`IntakePipeline`). Group commit: while one transaction commits, what is read queues
/// for the writer; its next turn takes all of it into one transaction, so durability costs
/// one fsync per turn, not per message, and latency stays about one commit under load. At
/// most `maxBatch` requests are in the pipeline; more wait in the socket.
public struct IntakeServer: Service {
    public struct Security: Sendable {
        public var serverSecretKey: String
        public var zapDomain: String
        public init(serverSecretKey: String, zapDomain: String = ZAPDomain.providers) {
            self.serverSecretKey = serverSecretKey
            self.zapDomain = zapDomain
        }
    }

    public static let maxMessageBytes = 25 * 1024 * 1024
    /// What the socket takes in at most: a message over the standard's 25 MB but under
    /// this is read and answered `GEEN_IJW` like any other refusal. Larger frames are
    /// dropped by libzmq on their header, before their body is read (ZMQ_MAXMSGSIZE),
    /// and the sender gets no answer: a limit documented in the README, and `plafond
    /// submit` refuses such a file before sending it.
    public static let socketMessageBytes = 32 * 1024 * 1024

    private let context: ZMQContext
    private let endpoint: String
    private let security: Security?
    private let processor: IntakeProcessor
    private let maxBatch: Int
    private let committed: @Sendable () -> Void
    private let logger: Logger
    /// Set once the provider endpoint is bound (for `/readyz`).
    public let listening = ListeningFlag()
    private let answerMetrics = AnswerMetrics()

    public init(
        context: ZMQContext, endpoint: String, security: Security?, insecure: Bool, processor: IntakeProcessor,
        maxBatch: Int = 256, committed: @escaping @Sendable () -> Void, logger: Logger
    ) throws {
        try InsecureBindGuard.check(endpoint: endpoint, curve: security != nil, insecure: insecure)
        self.context = context
        self.endpoint = endpoint
        self.security = security
        self.processor = processor
        self.maxBatch = maxBatch
        self.committed = committed
        self.logger = logger
    }

    public func run() async throws {
        try await SocketThread.run(name: "intake") { [self] stop in
            let socket = try ZMQSocket(context, .router)
            defer { socket.close() }
            try socket.setMaxMessageSize(Int64(Self.socketMessageBytes))
            if let security {
                try socket.setCurveServer(secretKey: security.serverSecretKey)
                try socket.setZapDomain(security.zapDomain)
            }
            try socket.bind(endpoint)
            listening.set(true)
            defer { listening.set(false) }
            logger.info(
                "provider endpoint listening",
                metadata: ["endpoint": "\(endpoint)", "curve": "\(security != nil)"])
            let pipeline = IntakePipeline(processor: processor, committed: committed)
            pipeline.start()
            defer { pipeline.stop() }
            while !stop.shouldStop {
                // At the limit, only answers are waited for: new requests wait in the socket.
                let room = maxBatch - pipeline.inFlight
                var items = [ZMQPollItem(fileDescriptor: pipeline.answersReady.readDescriptor)]
                if room > 0 { items.append(ZMQPollItem(socket: socket)) }
                _ = try zmqPoll(&items, timeoutMilliseconds: 100)
                if items[0].readable { pipeline.answersReady.drain() }
                send(pipeline.takeAnswers(), on: socket)
                guard items.count > 1, items[1].readable else { continue }
                var requests: [IncomingRequest] = []
                while requests.count < room, let next = try socket.receive(dontWait: true) {
                    if let request = IncomingRequest(next) { requests.append(request) }
                }
                pipeline.submit(requests)
            }
            // Stopping: what was taken in is still stored and answered, so a restart costs
            // no provider a timeout; new requests stay in the socket. A store that does not
            // answer within the grace period leaves the rest to the providers' resends.
            let deadline = ContinuousClock.now + Self.gracePeriod
            while pipeline.inFlight > 0, ContinuousClock.now < deadline {
                var items = [ZMQPollItem(fileDescriptor: pipeline.answersReady.readDescriptor)]
                _ = try zmqPoll(&items, timeoutMilliseconds: 100)
                if items[0].readable { pipeline.answersReady.drain() }
                send(pipeline.takeAnswers(), on: socket)
            }
            // The last answers may still be on their way out of the socket.
            socket.close(lingerMilliseconds: 1_000)
        }
    }

    static let gracePeriod = Duration.seconds(5)

    private func send(_ answers: [IntakePipeline.Answer], on socket: ZMQSocket) {
        for answer in answers {
            answerMetrics.answered(answer.document, received: answer.received)
            // The answer is stored: a provider that missed it gets it again by resending.
            do {
                if try !socket.send(answer.envelope + [answer.document], dontWait: true) {
                    logger.warning("answer not delivered: provider gone or not reading")
                }
            } catch {
                logger.warning("answer not delivered", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// One request as it came off the ROUTER: the envelope to answer on, the document, and
/// the identity the ZAP handler gave the sender's key (nil without CURVE).
public struct IncomingRequest: Sendable {
    public var envelope: [Data]
    public var document: Data
    public var authenticatedAs: String?

    public init(envelope: [Data], document: Data, authenticatedAs: String?) {
        self.envelope = envelope
        self.document = document
        self.authenticatedAs = authenticatedAs
    }

    /// Nil for a frame sequence with no envelope at all (nothing to answer on).
    init?(_ message: ZMQMessage) {
        guard message.parts.count >= 2, let document = message.parts.last else { return nil }
        self.init(envelope: Array(message.parts.dropLast()), document: document, authenticatedAs: message.userId)
    }
}
