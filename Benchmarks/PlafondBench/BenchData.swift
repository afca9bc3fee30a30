import Contracts
import Domain
import Foundation
import Messaging

/// Deterministic lines spread over providers, two care types and a year, as intake
/// publishes them. Each provider works in two gemeenten (its "home" one, where its
/// norms are, and one across the country), as real providers work in a few.
struct BenchLines {
    let count: Int
    let providers: Int
    let gemeenten: Int

    static func agb(_ index: Int) -> String { String(format: "%08d", 10_000_000 + index) }
    static func gemeente(_ index: Int) -> String { String(format: "%04d", 1 + index) }

    func line(_ i: Int) -> DeclaredLine {
        // A fixed mixing of the index: same lines every run, no clustering by provider.
        let h = (i &* 2_654_435_761) & 0x7fff_ffff
        let month = Month(year: 2026, month: 1 + h % 12)!
        let provider = h % providers
        let gemeente = (provider + ((h / 7) % 2) * (gemeenten / 2)) % gemeenten
        return DeclaredLine(
            lineID: Int64(i + 1), aanbieder: Self.agb(provider), gemeente: Self.gemeente(gemeente),
            client: "p-\(h % 50_000)", referentieNummer: "R\(i)", vorigReferentieNummer: nil, toewijzingNummer: "T\(i)",
            productCategorie: (h / 3) % 2 == 0 ? "45" : "54", productCode: nil, periodStart: month.firstDay,
            periodEnd: month.lastDay, volume: 10, eenheid: "04", tariffCents: 6_500, amountCents: 65_000,
            declaratieNummer: "D\(i / 1_000)", receivedOn: month.next.firstDay)
    }

    func events() throws -> [LoggedEvent] {
        try (0..<count).map { i in
            LoggedEvent(
                seq: Int64(i + 1), kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: line(i)).encoded())
        }
    }
}

/// Norms like a country's: each one for a provider in one gemeente (or a regio of
/// several) and a care type, plus some for all providers of a gemeente.
enum BenchNorms {
    static func make(_ count: Int) -> [NormAddRequest] {
        (0..<count).map { i in
            let allProviders = i % 10 == 9
            return NormAddRequest(
                name: "Norm \(i)", kind: i % 3 == 0 ? .signaalplafond : .bestedingsruimte,
                gemeenten: [BenchLines.gemeente(i % 342)], aanbieder: allProviders ? nil : BenchLines.agb(i % 3_000),
                productCategorieen: [i % 2 == 0 ? "45" : "54"], period: "2026", limit: 50_000_000)
        }
    }

    /// How many norms an average line counts for, worked out from the same data.
    static func matchesPerLine(_ count: Int, lines: BenchLines) -> Double {
        guard count > 0 else { return 0 }
        var index: [String: Int] = [:]
        for norm in make(count) {
            index["\(norm.aanbieder ?? "*")|\(norm.gemeenten[0])|\(norm.productCategorieen[0])", default: 0] += 1
        }
        let sample = min(lines.count, 20_000)
        var total = 0
        for i in 0..<sample {
            let line = lines.line(i)
            for provider in [line.aanbieder, "*"] {
                total += index["\(provider)|\(line.gemeente)|\(line.productCategorie)"] ?? 0
            }
        }
        return Double(total) / Double(sample)
    }
}
