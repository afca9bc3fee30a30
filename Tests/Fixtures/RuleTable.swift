import Foundation

/// The standard's rule tables in `../shared/ijw-3.2/rules` (read at run time, never
/// copied): which rules apply to the messages intake receives, with their retourcode and
/// level of control.
public struct RuleTable: Sendable {
    public struct Rule: Sendable, Equatable {
        public var code: String
        public var title: String
        public var retourcode: String
        public var level: String
    }

    /// The messages intake receives.
    public static let receivedMessages: Set<String> = ["JW301", "JW305", "JW307", "JW315", "JW323"]
    /// The instructions on how to answer and count that the account covers besides them.
    public static let answerInstructions: Set<String> = [
        "IV028", "IV087", "IV077", "IV081", "IV013", "OP377", "OP378", "OP379", "OP033x2",
    ]

    public var rules: [String: Rule]
    /// Rule code → the received messages `regels-per-element.csv` ties it to.
    public var messagesByRule: [String: Set<String>]

    public static func load() throws -> RuleTable {
        let folder = SharedFiles.ijw.appendingPathComponent("rules")
        let regels = try CSV.records(
            try String(contentsOf: folder.appendingPathComponent("regels.csv"), encoding: .utf8))
        let perElement = try CSV.records(
            try String(contentsOf: folder.appendingPathComponent("regels-per-element.csv"), encoding: .utf8))
        var rules: [String: Rule] = [:]
        for record in regels {
            guard let code = record["Regelcode"], !code.isEmpty else { continue }
            rules[code] = Rule(
                code: code, title: record["Titel"] ?? "", retourcode: record["Retourcode"] ?? "",
                level: record["Controleniveau"] ?? "")
        }
        var messagesByRule: [String: Set<String>] = [:]
        for record in perElement {
            guard let message = record["Bericht"], receivedMessages.contains(message), let code = record["Regelcode"],
                !code.isEmpty
            else { continue }
            messagesByRule[code, default: []].insert(message)
        }
        return RuleTable(rules: rules, messagesByRule: messagesByRule)
    }

    /// Every rule the account must have a row for.
    public var applicable: Set<String> { Set(messagesByRule.keys).union(Self.answerInstructions) }
}

/// RFC 4180 CSV as the standard publishes it: comma-separated, fields in double quotes
/// may hold commas, newlines and doubled quotes, a byte order mark at the start.
public enum CSV {
    public struct Malformed: Error {}

    public static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < characters.count && characters[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"": quoted = true
                case ",":
                    row.append(field)
                    field = ""
                case "\n":
                    row.append(field)
                    rows.append(row)
                    row = []
                    field = ""
                case "\r": break
                default: field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if quoted { throw Malformed() }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Rows as header name → value.
    public static func records(_ text: String) throws -> [[String: String]] {
        let all = try rows(text)
        guard let header = all.first else { return [] }
        return all.dropFirst().map { values in
            var record: [String: String] = [:]
            for (name, value) in zip(header, values) where record[name] == nil { record[name] = value }
            return record
        }
    }
}
