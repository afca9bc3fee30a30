/// What a subscriber does with each thing it hears, decided without sockets or clocks.
///
/// It is either catching up (one outstanding fetch, identified by a request id; events
/// heard on PUB meanwhile are ignored, the fetch will bring them) or following the PUB
/// stream (contiguous events are applied; a gap or a heartbeat ahead of it starts a
/// catch-up). It never skips a sequence number and never applies one twice.
///
/// Far behind, the next batch is asked for before this one is applied
/// (`fetchAndApply`): the producer reads and sends it while the consumer works, instead
/// of each waiting for the other (a replay's events/s, issue 21). Still one fetch
/// outstanding at a time: its reply is taken only once the batch before it is applied.
public struct SubscriberStateMachine: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case catchingUp(requestID: Int64)
        case following
    }

    public enum Action: Sendable, Equatable {
        /// Ask the producer for events after `after`.
        case fetch(after: Int64, requestID: Int64)
        /// Apply these events (contiguous, starting at applied + 1).
        case apply([LoggedEvent])
        /// Ask for the events after these first, then apply these.
        case fetchAndApply(after: Int64, requestID: Int64, [LoggedEvent])
        case none
    }

    public private(set) var applied: Int64
    public private(set) var mode: Mode
    private var nextRequestID: Int64
    /// The outstanding fetch was sent ahead, for the events after this seq.
    private var prefetchedAfter: Int64?

    public init(applied: Int64, firstRequestID: Int64 = 1) {
        self.applied = applied
        self.nextRequestID = firstRequestID
        self.mode = .following
    }

    /// At start: catch up from the stored cursor.
    public mutating func start() -> Action { beginCatchUp() }

    /// Events heard on PUB, in order of arrival.
    public mutating func published(_ events: [LoggedEvent]) -> Action {
        guard mode == .following else { return .none }
        var run: [LoggedEvent] = []
        for event in events {
            let expected = applied + Int64(run.count) + 1
            if event.seq < expected { continue }  // already applied
            if event.seq > expected {
                // A gap: PUB dropped something. Apply what is contiguous first.
                if !run.isEmpty { return .apply(run) }
                return beginCatchUp()
            }
            run.append(event)
        }
        return run.isEmpty ? .none : .apply(run)
    }

    public mutating func heartbeat(latest: Int64) -> Action {
        guard mode == .following, latest > applied else { return .none }
        return beginCatchUp()
    }

    /// A catch-up reply. Stale replies (an earlier request id) are ignored.
    public mutating func batch(_ reply: EventLogWire.BatchReply) -> Action {
        guard case .catchingUp(let requestID) = mode, reply.requestID == requestID else { return .none }
        let fresh = reply.events.filter { $0.seq > applied }
        guard let first = fresh.first else {
            // Nothing new: level with the producer (or it has nothing yet).
            if reply.latest > applied { return beginCatchUp() }
            mode = .following
            return .none
        }
        guard first.seq == applied + 1 else { return beginCatchUp() }
        var run: [LoggedEvent] = []
        for event in fresh where event.seq == applied + Int64(run.count) + 1 {
            run.append(event)
        }
        prefetchedAfter = nil
        guard let last = run.last?.seq, reply.latest > last else { return .apply(run) }
        // The producer has more: ask for it now.
        let id = newRequest()
        prefetchedAfter = last
        return .fetchAndApply(after: last, requestID: id, run)
    }

    /// After a successful apply: move the cursor; while catching up, fetch the next batch.
    public mutating func didApply(upTo seq: Int64) -> Action {
        applied = max(applied, seq)
        if case .catchingUp = mode {
            // Its reply is on its way already.
            if prefetchedAfter == applied { return .none }
            return beginCatchUp()
        }
        return .none
    }

    /// An apply that failed leaves the store at `storedApplied`; start over from there.
    public mutating func applyFailed(storedApplied: Int64) -> Action {
        applied = storedApplied
        return beginCatchUp()
    }

    /// The outstanding fetch got no answer in time: ask again with a new id.
    public mutating func catchUpTimedOut() -> Action {
        guard case .catchingUp = mode else { return .none }
        return beginCatchUp()
    }

    private mutating func beginCatchUp() -> Action {
        prefetchedAfter = nil
        return .fetch(after: applied, requestID: newRequest())
    }

    /// A new request id, now the outstanding one: any earlier reply is stale from here on.
    private mutating func newRequest() -> Int64 {
        let id = nextRequestID
        nextRequestID += 1
        mode = .catchingUp(requestID: id)
        return id
    }
}
