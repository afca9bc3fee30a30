import Synchronization

/// Set by a socket loop once its socket is bound, read by `/readyz`.
public final class ListeningFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public var isListening: Bool { flag.load(ordering: .acquiring) }
    public func set(_ listening: Bool) { flag.store(listening, ordering: .releasing) }
}
