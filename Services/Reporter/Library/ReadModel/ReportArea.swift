import Contracts

/// Which gemeenten a report or indicator set covers: all, one gemeente, or a regio's
/// members (from `[regios]` in the configuration).
public enum ReportArea: Sendable, Equatable {
    case all
    case gemeente(String)
    case regio(name: String, gemeenten: [String])

    /// nil for all gemeenten.
    public var gemeenten: [String]? {
        switch self {
        case .all: nil
        case .gemeente(let code): [code]
        case .regio(_, let members): members
        }
    }

    public var gemeente: String? {
        if case .gemeente(let code) = self { return code }
        return nil
    }

    public var regio: String? {
        if case .regio(let name, _) = self { return name }
        return nil
    }

    /// How the area is named in a title or a file name.
    public var label: String {
        switch self {
        case .all: "alle gemeenten"
        case .gemeente(let code): "gemeente \(code)"
        case .regio(let name, _): "regio \(name)"
        }
    }

    /// `AND column IN (?, …)`, with the gemeenten as arguments after the others.
    func sqlClause(column: String) -> String {
        guard let gemeenten else { return "" }
        return " AND \(column) IN (\(Array(repeating: "?", count: gemeenten.count).joined(separator: ", ")))"
    }

    /// `AND normID IN (…)`: rows (alerts, timeline entries) about the norms of `norms`
    /// that concern this area, so they count for it; nothing for all gemeenten.
    /// `norms` is only asked for when there is an area to narrow to.
    func normClause(_ norms: @autoclosure () throws -> [NormDefinition]) rethrows -> String {
        guard gemeenten != nil else { return "" }
        let ids = try norms().filter(covers).map { String($0.id) }
        return ids.isEmpty ? " AND 0" : " AND normID IN (\(ids.joined(separator: ",")))"
    }

    /// Whether a norm concerns this area: a norm for all gemeenten concerns every area.
    public func covers(_ norm: NormDefinition) -> Bool {
        guard let gemeenten else { return true }
        return norm.scope.gemeenten.isEmpty || !Set(norm.scope.gemeenten).isDisjoint(with: gemeenten)
    }
}
