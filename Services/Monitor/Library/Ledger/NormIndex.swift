import Contracts

/// Finds the norms a line counts for without scanning all norms: norms are filed under
/// their provider (or "all providers") and then under their gemeenten (or "all").
///
/// A line looks in at most four buckets; only the norms there are checked in full.
public struct NormIndex: Sendable {
    private static let any = "*"
    private var buckets: [String: [String: [NormDefinition]]] = [:]
    public private(set) var all: [Int64: NormDefinition] = [:]

    public init(_ norms: [NormDefinition] = []) {
        for norm in norms { insert(norm) }
    }

    public mutating func insert(_ norm: NormDefinition) {
        remove(id: norm.id)
        all[norm.id] = norm
        guard !norm.ended else { return }
        let provider = norm.scope.aanbieder ?? Self.any
        let gemeenten = norm.scope.gemeenten.isEmpty ? [Self.any] : norm.scope.gemeenten
        for gemeente in gemeenten {
            buckets[provider, default: [:]][gemeente, default: []].append(norm)
        }
    }

    public mutating func remove(id: Int64) {
        guard let old = all.removeValue(forKey: id) else { return }
        let provider = old.scope.aanbieder ?? Self.any
        for gemeente in (old.scope.gemeenten.isEmpty ? [Self.any] : old.scope.gemeenten) {
            buckets[provider]?[gemeente]?.removeAll { $0.id == id }
        }
    }

    public func norms(for line: DeclaredLine) -> [NormDefinition] {
        norms(aanbieder: line.aanbieder, gemeente: line.gemeente).filter { $0.counts(line) }
    }

    /// Every active norm filed under this provider and gemeente (or "all"); the caller
    /// checks the rest of the scope.
    public func norms(aanbieder: String, gemeente: String) -> [NormDefinition] {
        var found: [NormDefinition] = []
        for provider in [aanbieder, Self.any] {
            guard let byGemeente = buckets[provider] else { continue }
            for bucket in [gemeente, Self.any] { found += byGemeente[bucket] ?? [] }
        }
        return found
    }
}
