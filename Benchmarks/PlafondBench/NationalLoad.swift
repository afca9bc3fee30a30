import Contracts
import Domain
import Foundation
import IJW

/// Declarations shaped like a country's year: `providers` provider systems, each with its
/// own clients, declaring monthly JW323s of `linesPerDeclaration` lines, January to
/// October, to their home gemeente, then the same months to one across the country, then
/// (at larger scales) to further gemeenten. Each provider sends one declaration per
/// gemeente per month, every gemeente's months in order, as TR318 asks (8214 otherwise).
/// Declaration `d` is the same in every run, so runs at 1×, 10× and 100× differ only in
/// how many there are.
struct NationalLoad: Sendable {
    let providers: Int
    let gemeenten: Int
    let linesPerDeclaration: Int
    let months: [Month]
    let clientsPerProvider = 170
    /// Keeps the declarations of different phases (fill, load) apart: each phase's
    /// message numbers start here, so no line is a second debit of another phase's.
    let firstMessage: Int
    /// The provider's round this load starts at: a load that follows another continues
    /// where that one ended, so no provider declares a month again, or one behind.
    var firstRound = 0
    let run: String

    /// Average amount of a LoadDeclaration line: volume 1…12 hours at € 73,80.
    static let averageLineCents: Int64 = 7_380 * 13 / 2

    static func gemeente(_ index: Int) -> String { String(format: "%04d", 1 + index) }

    func home(of provider: Int) -> Int { provider % gemeenten }
    func away(of provider: Int) -> Int { (provider + gemeenten / 2) % gemeenten }

    /// Rounds a provider can declare before it would send a gemeente a month twice.
    var rounds: Int { (gemeenten == 1 ? 1 : gemeenten) * months.count }

    /// Round `r` of a provider: month `r % months.count` to its `r / months.count`-th
    /// gemeente (home, away, then the ones after home, away skipped).
    func gemeente(of provider: Int, round: Int) -> Int {
        let slot = round / months.count
        if slot == 0 { return home(of: provider) }
        if slot == 1 { return away(of: provider) }
        let offset = slot - 1 < gemeenten / 2 ? slot - 1 : slot
        return (home(of: provider) + offset) % gemeenten
    }

    func declaration(_ d: Int, today: Day) -> Data {
        let provider = d % providers
        let local = d / providers
        let round = firstRound + local
        let firstClient = provider * clientsPerProvider
        return LoadDeclaration.make(
            run: run, client: provider, message: firstMessage + local, lines: linesPerDeclaration,
            month: months[round % months.count], gemeente: Self.gemeente(gemeente(of: provider, round: round)),
            dagtekening: today, bsn: { line in Self.bsn(firstClient + (line + round * 37) % clientsPerProvider) },
            // Allocations belong to a client, as in life, and stay within iJw's nine digits
            // (intake refuses a longer ToewijzingNummer). A client with a second line in the
            // declaration has a second allocation: TR416 refuses two debit lines for one
            // allocation, product and period (up to 8 lines per client and declaration).
            allocation: { line in
                String(1 + (firstClient + (line + round * 37) % clientsPerProvider) * 8 + line / clientsPerProvider)
            })
    }

    /// A valid BSN for client number `n`: the counter's own, or (one in eleven has no check
    /// digit) the same counter with 60,000,000 added, which moves the sum by 4 mod 11.
    static func bsn(_ n: Int) -> String {
        BSN.synthetic(n) ?? BSN.synthetic(n + 60_000_000)!
    }

    /// Norms like a country's: most on one provider in its home gemeente (some in the
    /// other gemeente it declares to), one in ten on all providers of a gemeente. Limits
    /// sit around what the run will declare, so some cross 70, 90 and 100%, as in life.
    func norms(_ count: Int, totalLines: Int, period: String) -> [NormAddRequest] {
        // What one provider declares to one of its two gemeenten over the whole run.
        let perProviderGemeente = Int64(totalLines / providers / 2) * Self.averageLineCents
        return (0..<count).map { i in
            let provider = i % providers
            let allProviders = i % 10 == 9
            let gemeente = i < count * 6 / 10 ? home(of: provider) : away(of: provider)
            let expected = allProviders ? perProviderGemeente * Int64(2 * providers / gemeenten) : perProviderGemeente
            let percent: Int64 = [90, 115, 135, 200][i % 4]
            return NormAddRequest(
                name: "Norm \(i)", kind: i % 2 == 0 ? .signaalplafond : .bestedingsruimte,
                gemeenten: [Self.gemeente(gemeente)],
                aanbieder: allProviders ? nil : LoadDeclaration.agb(client: provider), productCategorieen: ["45"],
                period: period, limit: max(100_000, expected * percent / 100))
        }
    }
}
