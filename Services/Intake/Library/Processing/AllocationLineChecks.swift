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

    func run(_ db: Database, _ declaration: Declaration, alreadyRejected: Set<LinePosition>) throws
        -> [LinePosition: [RetourCode]]
    {
        var codes: [LinePosition: [RetourCode]] = [:]
        var allocations: [String: AllocationRecord?] = [:]
        // What this message approved ahead of the line, per allocation.
        var approvedHere: [String: AllocationUsage] = [:]
        for (c, client) in declaration.clients.enumerated() {
            for (l, line) in client.lines.enumerated() {
                let position = LinePosition(client: c, line: l)
                guard line.debetCredit == .debet, !alreadyRejected.contains(position) else { continue }
                let number = line.toewijzingNummer
                if allocations[number] == nil {
                    allocations[number] = .some(
                        try AllocationStore.find(db, gemeente: gemeente, aanbieder: aanbieder, toewijzingNummer: number)
                    )
                }
                var usage = try AllocationStore.usage(
                    db, gemeente: gemeente, aanbieder: aanbieder, toewijzingNummer: number)
                let here = approvedHere[number] ?? AllocationUsage()
                usage.volume += here.volume
                usage.minutes += here.minutes
                usage.amountCents += here.amountCents
                let found = AllocationChecks.codes(
                    line, bsn: client.bsn, allocation: allocations[number] ?? nil, usage: usage)
                if found.isEmpty {
                    approvedHere[number, default: AllocationUsage()].add(line)
                } else {
                    codes[position] = found
                }
            }
        }
        return codes
    }
}
