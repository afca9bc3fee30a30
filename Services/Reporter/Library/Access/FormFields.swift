import Foundation
import Hummingbird

/// The fields of a posted form (`application/x-www-form-urlencoded`), read once: the
/// access middleware checks the CSRF token in them, the route reads the rest.
struct FormFields: Sendable, Equatable {
    var values: [String: String]

    subscript(_ name: String) -> String? { values[name] }

    /// A field with its surrounding whitespace removed; nil when absent or empty.
    func text(_ name: String) -> String? {
        values[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    init(values: [String: String]) { self.values = values }

    /// Parses a form body; a form is small, anything above 64 KiB is refused.
    static func read(_ request: inout Request) async throws -> FormFields {
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        return FormFields(parsing: String(buffer: buffer))
    }

    /// The first value of each name, as a query's parameters are read.
    init(parsing body: String) {
        var values: [String: String] = [:]
        for (name, value) in Self.pairs(body) where values[name] == nil { values[name] = value }
        self.values = values
    }

    /// The name-value pairs in their order: `+` is a space, the rest percent-decoded; text
    /// that does not decode stays as it came, to be refused as a value rather than read
    /// as an empty one (an empty field means "not given" on some pages).
    static func pairs(_ body: String) -> [(name: String, value: String)] {
        func decode(_ text: Substring) -> String {
            let spaced = text.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        return body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
