import Domain
import Foundation

/// A provider's name as the gemeente keeps it in its AGB register, beside the code:
/// people read "De Linde", not "30010000".
public struct ProviderName: Codable, Sendable, Equatable {
    public var agb: String
    public var naam: String

    public init(agb: String, naam: String) {
        self.agb = agb
        self.naam = naam
    }

    /// "De Linde (30010000)", or the code alone when the register has no name for it.
    public static func label(agb: String, naam: String?) -> String {
        naam.map { "\($0) (\(agb))" } ?? agb
    }
}

/// `provider.named`: the register gave a provider (a new) name. Monitor owns the
/// register; reporter and notifier keep the names they hear.
public struct ProviderNamed: EventBody {
    public static let kind = EventKind.providerNamed
    public var v: Int = 1
    public var agb: String
    public var naam: String
    public var by: String?
    public var at: Date

    public init(agb: String, naam: String, by: String?, at: Date) {
        self.agb = agb
        self.naam = naam
        self.by = by
        self.at = at
    }
}

/// `provider.import`: the whole register (`aanbieders.csv`) or part of it, all or nothing.
public struct ProviderImportRequest: AdminRequest {
    public static let command = AdminCommand.providerImport
    public typealias Reply = Int
    public private(set) var command = Self.command
    public var providers: [ProviderName]
    public var by: String?
    public init(providers: [ProviderName], by: String?) {
        self.providers = providers
        self.by = by
    }
}

/// `provider.list`: the register as monitor holds it.
public struct ProviderListRequest: AdminRequest {
    public static let command = AdminCommand.providerList
    public typealias Reply = [ProviderName]
    public private(set) var command = Self.command
    public init() {}
}

/// Reads `aanbieders.csv` as a gemeente exports it: `AGB code;naam`, a header line,
/// semicolons (Dutch spreadsheets), optionally a UTF-8 byte order mark and quoted names.
public enum ProviderRegisterCSV {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "regel \(line): \(message)" }
    }

    public static func parse(_ text: String) throws -> [ProviderName] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var providers: [ProviderName] = []
        var seen: Set<String> = []
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = index + 1
            guard let separator = line.firstIndex(of: ";") else {
                throw Problem(line: number, message: "verwacht AGB code;naam")
            }
            let code = line[..<separator].trimmingCharacters(in: .whitespaces)
            var name = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            if index == 0 && AGB(code) == nil { continue }  // the header
            guard AGB(code) != nil else {
                throw Problem(line: number, message: "\(code) is geen AGB-code van 8 cijfers")
            }
            guard !name.isEmpty, name.count <= 200 else {
                throw Problem(line: number, message: "naam ontbreekt of is te lang")
            }
            guard seen.insert(code).inserted else {
                throw Problem(line: number, message: "\(code) staat er twee keer in")
            }
            providers.append(ProviderName(agb: code, naam: name))
        }
        return providers
    }
}
