import Domain

/// The contract tariffs the operator maintains, per gemeente, product code and period,
/// and the 0611 rule: a declared tariff must be the contract tariff.
///
/// The file is CSV in Dutch spreadsheet conventions (semicolon, decimal comma), one
/// tariff per line, `#` starts a comment, the first line may be the header:
///
///     gemeente;productcode;van;tot;tarief
///     0268;45A03;2026-01-01;2026-12-31;75,00
///     *;41A01;2026-01-01;;112,40
///
/// `*` applies to every gemeente (a regional contract); an empty `tot` is open-ended.
/// A product code with no tariff in the file is not checked: not every contract lists
/// every product.
public struct ContractTariffs: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var gemeente: String?
        public var productCode: String
        public var from: Day
        public var through: Day?
        public var cents: Int64
    }

    public private(set) var entries: [Entry]
    private var byCode: [String: [Entry]]

    public static let none = ContractTariffs(entries: [])

    public init(entries: [Entry]) {
        self.entries = entries
        byCode = Dictionary(grouping: entries, by: \.productCode)
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "regel \(line): \(message)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> ContractTariffs {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["\u{FEFF}"])
            if line.isEmpty || line.hasPrefix("#") || line.lowercased().hasPrefix("gemeente;") { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let number = index + 1
            guard fields.count == 5 else {
                throw ParseError(line: number, message: "verwacht 5 velden (gemeente;productcode;van;tot;tarief)")
            }
            guard fields[0] == "*" || (fields[0].count == 4 && fields[0].allSatisfy(\.isNumber)) else {
                throw ParseError(line: number, message: "gemeente \(fields[0]) is geen CBS-code of *")
            }
            guard fields[1].count == 5 else { throw ParseError(line: number, message: "productcode \(fields[1])") }
            guard let from = Day(iso: fields[2]) else { throw ParseError(line: number, message: "datum \(fields[2])") }
            let through = fields[3].isEmpty ? nil : Day(iso: fields[3])
            if !fields[3].isEmpty && through == nil { throw ParseError(line: number, message: "datum \(fields[3])") }
            if let through, through < from { throw ParseError(line: number, message: "tot ligt vóór van") }
            guard let money = Money(dutch: fields[4]), money.cents >= 0 else {
                throw ParseError(line: number, message: "tarief \(fields[4])")
            }
            entries.append(
                Entry(
                    gemeente: fields[0] == "*" ? nil : fields[0], productCode: fields[1], from: from,
                    through: through, cents: money.cents))
        }
        return ContractTariffs(entries: entries)
    }

    /// The contract tariff for a product in a gemeente on a day; a gemeente's own tariff
    /// wins over a regional one.
    public func tariff(gemeente: String, productCode: String, on day: Day) -> Int64? {
        let candidates = (byCode[productCode] ?? []).filter {
            $0.from <= day && ($0.through.map { day <= $0 } ?? true)
                && ($0.gemeente == nil || $0.gemeente == gemeente)
        }
        return (candidates.first { $0.gemeente != nil } ?? candidates.first)?.cents
    }

    /// 0611 when a debit line's tariff differs from the contract tariff.
    public func codes(_ line: DeclarationLine, gemeente: String) -> [RetourCode] {
        guard line.debetCredit == .debet, let declared = line.productTarief,
            let contract = tariff(gemeente: gemeente, productCode: line.productCode, on: line.productPeriode.start),
            contract != declared
        else { return [] }
        // IV081: minutes may be declared against an hourly contract tariff, at that
        // tariff / 60 rounded half up.
        if line.eenheid == Eenheid.minuut.rawValue && declared == MinuteTariff.perMinute(hourly: contract) { return [] }
        return [.tariefWijktAfVanContract]
    }
}
