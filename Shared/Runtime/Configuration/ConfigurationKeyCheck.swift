import TOMLKit

/// Refuses keys and sections the configuration does not have, naming the nearest one.
///
/// A typo (`developmnet = false`, `htpp = …`) used to be ignored, and the service started
/// on its defaults: in development mode, or on another address, without a word. The
/// known keys are the sections' own `CodingKeys`, so a key added to a section is known
/// here as soon as it can be read.
enum ConfigurationKeyCheck {
    static let sections: [String: [String]] = [
        "general": GeneralConfiguration.CodingKeys.allCases.map(\.rawValue),
        "intake": IntakeConfiguration.CodingKeys.allCases.map(\.rawValue),
        "monitor": MonitorConfiguration.CodingKeys.allCases.map(\.rawValue),
        "notifier": NotifierConfiguration.CodingKeys.allCases.map(\.rawValue),
        "reporter": ReporterConfiguration.CodingKeys.allCases.map(\.rawValue),
        // Free-form: a regio's name and its gemeenten.
        "regios": [],
        // Free-form: a key's name and a weight per gemeente.
        "verdeelsleutels": [],
        // A route's name, each with the keys of `ExceptionRouteConfiguration`.
        "uitzonderingsroutes": [],
    ]
    static let routeKeys = ExceptionRouteConfiguration.CodingKeys.allCases.map(\.rawValue)
    static let recipientKeys = NotifierConfiguration.Recipient.CodingKeys.allCases.map(\.rawValue)

    /// Every unknown key or section, as a Dutch sentence for the operator.
    static func problems(_ table: TOMLTable) -> [String] {
        var problems: [String] = []
        for key in table.keys.sorted() {
            guard let known = sections[key] else {
                problems.append(unknown("sectie [\(key)]", key, among: Array(sections.keys)))
                continue
            }
            if key == "uitzonderingsroutes", let routes = table[key]?.table {
                for route in routes.keys.sorted() {
                    for name in routes[route]?.table?.keys.sorted() ?? [] where !routeKeys.contains(name) {
                        problems.append(
                            unknown("sleutel \(name) in [uitzonderingsroutes.\(route)]", name, among: routeKeys))
                    }
                }
            }
            guard key != "regios", key != "verdeelsleutels", key != "uitzonderingsroutes",
                let section = table[key]?.table
            else { continue }
            for name in section.keys.sorted() {
                guard known.contains(name) else {
                    problems.append(unknown("sleutel \(name) in [\(key)]", name, among: known))
                    continue
                }
                if key == "notifier" { problems += recipientProblems(section, name) }
            }
        }
        return problems
    }

    /// `recipients = [{ name, email, webhook }]` and `escalate_to = { … }`.
    private static func recipientProblems(_ notifier: TOMLTable, _ name: String) -> [String] {
        var tables: [TOMLTable] = []
        if name == "recipients", let array = notifier[name]?.array {
            tables = array.compactMap { $0.table }
        } else if name == "escalate_to", let table = notifier[name]?.table {
            tables = [table]
        }
        return tables.flatMap { table in
            table.keys.sorted().filter { !recipientKeys.contains($0) }.map {
                unknown("sleutel \($0) in [notifier] \(name)", $0, among: recipientKeys)
            }
        }
    }

    private static func unknown(_ what: String, _ name: String, among known: [String]) -> String {
        guard let nearest = nearest(to: name, among: known) else { return "onbekende \(what)" }
        return "onbekende \(what); bedoelt u \(nearest)?"
    }

    /// The known name fewest edits away, when it is close enough to be a typo.
    static func nearest(to name: String, among known: [String]) -> String? {
        let scored = known.map { ($0, editDistance(name, $0)) }.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let (best, distance) = scored, distance <= max(2, name.count / 3) else { return nil }
        return best
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
