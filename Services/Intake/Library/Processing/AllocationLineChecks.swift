import Domain
import GRDB
import IJW

/// Runs the allocation rules (`AllocationChecks`) over a declaration's lines for a
/// gemeente whose allocations come to Plafond. Usage counts what was approved before
/// and what this message approves ahead of the line, so two lines cannot together
/// exceed what one allocation allows.
struct AllocationLineChecks {
    let gemeente: String
    let aanbieder: String

    private struct UsageKey: Hashable {
        var toewijzing: String
        var month: Month
    }

    func run(_ db: Database, _ declaration: Declaration, alreadyRejected: Set<LinePosition>) throws
        -> [LinePosition: [RetourCode]]
    {
        var codes: [LinePosition: [RetourCode]] = [:]
        var allocations: [String: AllocationRecord?] = [:]
        var approvedHere: [UsageKey: AllocationUsage] = [:]
        for (c, client) in declaration.clients.enumerated() {
            for (l, line) in client.lines.enumerated() {
                let position = LinePosition(client: c, line: l)
                guard line.debetCredit == .debet, !alreadyRejected.contains(position) else { continue }
                guard let number = line.toewijzingNummer else {
                    codes[position] = [.geenToewijzing]
                    continue
                }
                if allocations[number] == nil {
                    allocations[number] = .some(
                        try AllocationStore.find(db, gemeente: gemeente, aanbieder: aanbieder, toewijzingNummer: number)
                    )
                }
                let key = UsageKey(toewijzing: number, month: line.productPeriode.start.month)
                var usage = try AllocationStore.usage(
                    db, gemeente: gemeente, aanbieder: aanbieder, toewijzingNummer: number, month: key.month)
                let here = approvedHere[key] ?? AllocationUsage()
                usage.volume += approvedHere.filter { $0.key.toewijzing == number }.values.reduce(0) { $0 + $1.volume }
                usage.amountCents +=
                    approvedHere.filter { $0.key.toewijzing == number }.values.reduce(0) { $0 + $1.amountCents }
                usage.volumeInMonth += here.volume
                let found = AllocationChecks.codes(
                    line, bsn: client.bsn, allocation: allocations[number] ?? nil, usage: usage)
                if found.isEmpty {
                    approvedHere[key, default: AllocationUsage()].volume += line.geleverdVolume
                    approvedHere[key, default: AllocationUsage()].amountCents += line.ingediendBedrag
                } else {
                    codes[position] = found
                }
            }
        }
        return codes
    }
}
