import Dispatch
import Foundation
import Messaging
import Metrics
import Synchronization

/// Intake's two stages side by side: each request is read (parsed, checked on its own,
/// prepared: `IntakeProcessor.read`) on a worker as soon as it arrives, while one writer
/// thread stores what has been read, in the order the requests arrived, everything that
/// is ready in one transaction (group commit). Answers leave in the order the requests
/// came, those that needed no store (unreadable, not the sender's) included.
///
/// Why: once storing was made cheap, reading a 1,000-line JW323 cost more than storing
/// it, and providers wait for their answers, so with "read the batch, then write it" a
/// core idled while the other wrote (docs/BENCHMARKS.md, intake). The socket stays with the socket thread: it hands
/// requests in (`submit`) and sends what `takeAnswers` gives it when `answersReady` wakes it.
final class IntakePipeline: Sendable {
    /// An answer and the envelope to send it on.
    struct Answer: Sendable {
        var envelope: [Data]
        var document: Data
        /// When the request was taken off the socket (monotonic), for the answer latency.
        var received: DispatchTime
    }

    private struct Read: Sendable {
        var envelope: [Data]
        var outcome: IntakeProcessor.ReadOutcome
        var received: DispatchTime
    }

    private struct State: Sendable {
        /// Number for the next request submitted; requests are written in this order.
        var nextNumber = 0
        /// The lowest number not yet handed on.
        var nextInOrder = 0
        /// Reads finished ahead of an earlier request's.
        var finishedEarly: [Int: Read] = [:]
        /// Read, in order, waiting for the writer.
        var toWrite: [Read] = []
        var answers: [Answer] = []
        /// Submitted and not yet answered.
        var inFlight = 0
        /// Submitted and not yet taken by a reader, first come first.
        var toRead: [(number: Int, request: IncomingRequest, now: Date, received: DispatchTime)] = []
        var stopping = false
    }

    /// Wakes the socket thread when there are answers to send.
    let answersReady = WakePipe()
    private let state = Mutex(State())
    private let writerWake = DispatchSemaphore(value: 0)
    private let readerWake = DispatchSemaphore(value: 0)
    /// Signalled once by each thread (readers and writer) as it ends.
    private let threadDone = DispatchSemaphore(value: 0)
    /// Threads of its own, one per core, not Dispatch's shared pool: that pool is as wide as
    /// the machine has cores, and one thread blocked elsewhere in the process would halve
    /// reading on two cores.
    private let readerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
    private let processor: IntakeProcessor
    private let committed: @Sendable () -> Void
    private let batchSize = Recorder(label: "plafond_intake_batch_messages")

    init(processor: IntakeProcessor, committed: @escaping @Sendable () -> Void) {
        self.processor = processor
        self.committed = committed
    }

    /// Requests read or being stored, not yet answered: the socket thread takes no more
    /// while this is at its limit, so a flood waits in the socket, not in memory.
    var inFlight: Int { state.withLock { $0.inFlight } }

    func start() {
        let writer = Thread { [self] in
            writeUntilStopped()
            threadDone.signal()
        }
        writer.name = "intake-writer"
        writer.start()
        for index in 0..<readerCount {
            let reader = Thread { [self] in
                readUntilStopped()
                threadDone.signal()
            }
            reader.name = "intake-reader-\(index)"
            reader.start()
        }
    }

    /// Lets the writer finish the transaction it is in and the readers the request each
    /// is reading, and waits for them. Requests not stored get no answer: their providers
    /// send them again.
    func stop() {
        state.withLock { $0.stopping = true }
        writerWake.signal()
        for _ in 0..<readerCount { readerWake.signal() }
        for _ in 0...readerCount { threadDone.wait() }
    }

    func submit(_ requests: [IncomingRequest]) {
        guard !requests.isEmpty else { return }
        let now = processor.clock()
        let received = DispatchTime.now()
        state.withLock { state in
            for request in requests {
                state.toRead.append((state.nextNumber, request, now, received))
                state.nextNumber += 1
            }
            state.inFlight += requests.count
        }
        for _ in requests { readerWake.signal() }
    }

    private func readUntilStopped() {
        while true {
            readerWake.wait()
            let job = state.withLock { state in
                state.stopping || state.toRead.isEmpty ? nil : state.toRead.removeFirst()
            }
            guard let job else {
                if state.withLock({ $0.stopping }) { return }
                continue
            }
            let outcome = processor.read(job.request, now: job.now)
            finished(job.number, Read(envelope: job.request.envelope, outcome: outcome, received: job.received))
        }
    }

    func takeAnswers() -> [Answer] {
        state.withLock { state in
            defer { state.answers = [] }
            return state.answers
        }
    }

    /// Hands every read that is next in order to the writer.
    private func finished(_ number: Int, _ read: Read) {
        let handedOn = state.withLock { state in
            state.finishedEarly[number] = read
            let before = state.nextInOrder
            while let next = state.finishedEarly.removeValue(forKey: state.nextInOrder) {
                state.nextInOrder += 1
                state.toWrite.append(next)
            }
            return state.nextInOrder > before
        }
        if handedOn { writerWake.signal() }
    }

    private func writeUntilStopped() {
        while true {
            writerWake.wait()
            let (batch, stopping) = state.withLock { state in
                defer { state.toWrite = [] }
                return (state.toWrite, state.stopping)
            }
            if stopping { return }
            guard !batch.isEmpty else { continue }
            let messages = batch.compactMap { read -> IntakeProcessor.ReadMessage? in
                if case .message(let message) = read.outcome { return message }
                return nil
            }
            batchSize.record(batch.count)
            var stored = processor.write(messages).makeIterator()
            if !messages.isEmpty { committed() }
            let answers = batch.map { read in
                switch read.outcome {
                case .answer(let document):
                    Answer(envelope: read.envelope, document: document, received: read.received)
                case .message:
                    Answer(envelope: read.envelope, document: stored.next() ?? Data(), received: read.received)
                }
            }
            state.withLock { state in
                state.answers.append(contentsOf: answers)
                state.inFlight -= batch.count
            }
            answersReady.wake()
        }
    }
}
