import Contracts

/// Finds the norms a line counts for without scanning all norms: norms are filed under
/// their provider (or "all providers") and then under their gemeenten (or "all").
///
/// A line looks in at most four buckets; only the norms there are checked in full. The
/// buckets hold each definition once, behind a reference (`FiledNorm`): a line reads a
/// norm's scope where it is filed instead of copying the definition (a dozen texts and
/// lists) for every norm in its buckets, which was a tenth of monitor's time per line.
public struct NormIndex: Sendable {
    private static let any = "*"
    private var buckets: [String: [String: [FiledNorm]]] = [:]
    public private(set) var all: [Int64: NormDefinition] = [:]

    public init(_ norms: [NormDefinition] = []) {
        for norm in norms { insert(norm) }
    }

    public mutating func insert(_ norm: NormDefinition) {
        remove(id: norm.id)
        all[norm.id] = norm
        guard !norm.ended else { return }
        let filed = FiledNorm(norm)
        let provider = norm.scope.aanbieder ?? Self.any
        let gemeenten = norm.scope.gemeenten.isEmpty ? [Self.any] : norm.scope.gemeenten
        for gemeente in gemeenten {
            buckets[provider, default: [:]][gemeente, default: []].append(filed)
        }
    }

    public mutating func remove(id: Int64) {
        guard let old = all.removeValue(forKey: id) else { return }
        let provider = old.scope.aanbieder ?? Self.any
        for gemeente in (old.scope.gemeenten.isEmpty ? [Self.any] : old.scope.gemeenten) {
            buckets[provider]?[gemeente]?.removeAll { $0.norm.id == id }
        }
    }

    public func norms(for line: DeclaredLine) -> [NormDefinition] {
        filed(aanbieder: line.aanbieder, gemeente: line.gemeente).filter { $0.norm.counts(line) }.map(\.norm)
    }

    /// Every active norm filed under this provider and gemeente (or "all"); the caller
    /// checks the rest of the scope.
    public func norms(aanbieder: String, gemeente: String) -> [NormDefinition] {
        filed(aanbieder: aanbieder, gemeente: gemeente).map(\.norm)
    }

    /// The same, as filed: for the consumer's path, which reads each norm in place.
    /// Written out rather than looped over literal arrays: it runs for every line, and the
    /// two arrays a loop needs were allocated each time.
    public func filed(aanbieder: String, gemeente: String) -> [FiledNorm] {
        var found: [FiledNorm] = []
        func add(_ byGemeente: [String: [FiledNorm]]?) {
            guard let byGemeente else { return }
            if let norms = byGemeente[gemeente] { found += norms }
            if let norms = byGemeente[Self.any] { found += norms }
        }
        add(buckets[aanbieder])
        add(buckets[Self.any])
        return found
    }
}

/// A norm's definition as the index files it: one copy shared by its buckets.
public final class FiledNorm: Sendable {
    public let norm: NormDefinition

    init(_ norm: NormDefinition) {
        self.norm = norm
    }
}
