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

    init(parsing body: String) {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first else { continue }
            values[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        self.values = values
    }
}
