import Contracts
import Domain
import Foundation
import GRDB
import Messaging
import MonitorService

/// Lines and norms shaped like a country's month-end rather than `BenchLines`' even
/// spread: a few large providers with tens of thousands of clients each take half the
/// lines, half of their clients already known from last year; instroomtargets per large
/// provider and one for all providers of a region; an intensiteitsnorm per large
/// provider; and the 10,000 money norms of `BenchNorms` beside them.
struct PaceShape {
    var lines: Int
    var largeProviders = 20
    var clientsPerProvider = 60_000
    var moneyNorms = 10_000
    /// Lines per declaration when they arrive as intake logs them (a declaration's lines
    /// together: one provider, one month of care, one care type); 0 mixes every line with
    /// every other, the harder case and the default.
    var declarationLines = 0
    /// Every line names an allocation number of its own: as if every line were a new
    /// allocation, the harder case. By default a client's lines name its one allocation
    /// for the care type (a toewijzing runs for months), as providers' lines do.
    var allocationPerLine = false
    static let providers = 3_000
    static let gemeenten = 342
    /// The region of the region-wide instroomtarget: the large providers' home gemeenten and more.
    static let region = (0..<30).map(BenchLines.gemeente)

    func line(_ i: Int) -> DeclaredLine {
        var line = shapedLine(i)
        line.toewijzingNummer = allocationPerLine ? "T\(i)" : Self.allocation(line.aanbieder, line.client)
        return line
    }

    /// A client's allocation for the care type at a provider.
    static func allocation(_ aanbieder: String, _ client: String) -> String { "T\(aanbieder)-\(client)" }

    private func shapedLine(_ i: Int) -> DeclaredLine {
        guard declarationLines > 0 else { return mixedLine(i) }
        // The declaration's provider, gemeente, month and care type are those of a mixed
        // line numbered by the declaration (so large providers send every other one);
        // each line names a client of its own.
        let declaration = i / declarationLines
        var line = mixedLine(declaration)
        let h = (i &* 2_654_435_761) & 0x7fff_ffff
        line.lineID = Int64(i + 1)
        line.referentieNummer = "R\(i)"
        line.declaratieNummer = "D\(declaration)"
        if declaration % 2 == 0 && largeProviders > 0 {
            let provider = ((declaration &* 2_654_435_761) & 0x7fff_ffff) / 11 % largeProviders
            line.client = Self.client(provider: provider, (h / 13) % clientsPerProvider)
        } else {
            line.client = "p-\(h % 50_000)"
        }
        return line
    }

    private func mixedLine(_ i: Int) -> DeclaredLine {
        var line = BenchLines(count: lines, providers: Self.providers, gemeenten: Self.gemeenten).line(i)
        let h = (i &* 2_654_435_761) & 0x7fff_ffff
        guard largeProviders > 0, i % 2 == 0 else { return line }
        let provider = (h / 11) % largeProviders
        line.aanbieder = BenchLines.agb(provider)
        line.gemeente = BenchLines.gemeente(provider)
        line.client = Self.client(provider: provider, (h / 13) % clientsPerProvider)
        line.productCategorie = "45"
        return line
    }

    static func client(provider: Int, _ index: Int) -> String { "p-\(provider)-\(index)" }

    func events() throws -> [LoggedEvent] {
        try (0..<lines).map { i in
            LoggedEvent(
                seq: Int64(i + 1), kind: LineAccepted.kind.rawValue, body: try LineAccepted(line: line(i)).encoded())
        }
    }

    func norms() -> [NormAddRequest] {
        var norms = BenchNorms.make(moneyNorms)
        for provider in 0..<largeProviders {
            norms.append(
                NormAddRequest(
                    name: "Instroom \(provider)", kind: .instroomtarget, gemeenten: [BenchLines.gemeente(provider)],
                    aanbieder: BenchLines.agb(provider), period: "2026", limit: Int64(clientsPerProvider / 3)))
            norms.append(
                NormAddRequest(
                    name: "Intensiteit \(provider)", kind: .intensiteitsnorm,
                    gemeenten: [BenchLines.gemeente(provider)], aanbieder: BenchLines.agb(provider),
                    productCategorieen: ["45"], period: "2026", limit: 2))
        }
        norms.append(
            NormAddRequest(
                name: "Instroom regio", kind: .instroomtarget, gemeenten: Self.region, aanbieder: nil, period: "2026",
                limit: Int64(largeProviders * clientsPerProvider / 2)))
        return norms
    }

    /// Half of each large provider's clients were in care in the last quarter of last year:
    /// known, so their care this year continues and is not an arrival (the gap rule). The
    /// store holds what their lines left before the clock starts: 1.8 million months of
    /// care, each with the volume declared in it (a volume cell, in hours of care), and in
    /// a store of a release before 0.19.0 the months of care again in their own table; and
    /// their allocations (unless every line is to name one of its own).
    func knownClients(_ database: MonitorDatabase) throws {
        try database.writer.write { db in
            var statements = [
                try db.makeStatement(
                    sql: """
                        INSERT INTO clientVolumeCell (aanbieder, gemeente, categorie, productCode, client, month,
                            eenheid, volume, cents, firstDay, lastDay)
                        VALUES (?1, ?2, '45', '', ?3, ?4, '04', 40, 320000, ?4 || '-01', ?4 || '-28')
                        """)
            ]
            if try db.tableExists("clientCareMonth") {
                statements.append(
                    try db.makeStatement(
                        sql: """
                            INSERT INTO clientCareMonth (aanbieder, gemeente, categorie, productCode, client, month)
                            VALUES (?1, ?2, '45', '', ?3, ?4)
                            """))
            }
            let allocation = try db.makeStatement(
                sql: "INSERT INTO allocationClient (toewijzingNummer, aanbieder, client) VALUES (?, ?, ?)")
            for provider in 0..<largeProviders {
                for index in stride(from: 0, to: clientsPerProvider, by: 2) {
                    let client = Self.client(provider: provider, index)
                    if !allocationPerLine {
                        try allocation.execute(arguments: [
                            Self.allocation(BenchLines.agb(provider), client), BenchLines.agb(provider), client,
                        ])
                    }
                    for month in ["2025-10", "2025-11", "2025-12"] {
                        for insert in statements {
                            try insert.execute(arguments: [
                                BenchLines.agb(provider), BenchLines.gemeente(provider),
                                client, month,
                            ])
                        }
                    }
                }
            }
        }
    }
}
