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
        // What this message approved ahead of the line: per allocation, and per month.
        var approvedHere: [String: AllocationUsage] = [:]
        var approvedHereInMonth: [UsageKey: Int64] = [:]
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
                let here = approvedHere[number] ?? AllocationUsage()
                usage.volume += here.volume
                usage.amountCents += here.amountCents
                usage.volumeInMonth += approvedHereInMonth[key] ?? 0
                let found = AllocationChecks.codes(
                    line, bsn: client.bsn, allocation: allocations[number] ?? nil, usage: usage)
                if found.isEmpty {
                    approvedHere[number, default: AllocationUsage()].volume += line.geleverdVolume
                    approvedHere[number, default: AllocationUsage()].amountCents += line.ingediendBedrag
                    approvedHereInMonth[key, default: 0] += line.geleverdVolume
                } else {
                    codes[position] = found
                }
            }
        }
        return codes
    }
}
