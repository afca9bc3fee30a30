import Contracts
import Domain
import GRDB
import Storage

/// A batch's additions to the spend cells and the client volume cells, summed in memory
/// and written once per touched cell when the batch ends. Nothing reads these tables
/// while a batch runs (only a norm added or changed later does), so the sums may wait.
struct BatchCells {
    private struct SpendKey: Hashable {
        var aanbieder: String
        var gemeente: String
        var categorie: String
        var productCode: String?
        var month: Month
    }

    private struct VolumeKey: Hashable {
        var aanbieder: String
        var client: String
        var month: Month
        var gemeente: String
        var categorie: String
        var productCode: String?
        var eenheid: String
    }

    private struct Volume {
        var volume: Int64
        var cents: Int64
        var firstDay: Day
        var lastDay: Day

        mutating func add(_ line: DeclaredLine, sign: Int64) {
            volume += line.volume * sign
            cents += line.amountCents * sign
            firstDay = min(firstDay, line.periodStart)
            lastDay = max(lastDay, line.periodEnd)
        }
    }

    private var spend: [SpendKey: Int64] = [:]
    private var volumes: [VolumeKey: Volume] = [:]

    /// A line (sign +1) or a credit (sign -1).
    mutating func add(_ line: DeclaredLine, sign: Int64) {
        spend[
            SpendKey(
                aanbieder: line.aanbieder, gemeente: line.gemeente, categorie: line.productCategorie,
                productCode: line.productCode, month: line.monthOfCare), default: 0] += line.amountCents * sign
        let key = VolumeKey(
            aanbieder: line.aanbieder, client: line.client, month: line.monthOfCare, gemeente: line.gemeente,
            categorie: line.productCategorie, productCode: line.productCode, eenheid: line.eenheid)
        // One look-up, whether the cell is new or not.
        volumes[key, default: Volume(volume: 0, cents: 0, firstDay: line.periodStart, lastDay: line.periodEnd)]
            .add(line, sign: sign)
    }

    func write(_ db: Database) throws {
        let addSpend = try SpendCells.addStatement(db)
        for (key, cents) in spend {
            try SpendCells.add(
                addSpend, aanbieder: key.aanbieder, gemeente: key.gemeente, categorie: key.categorie,
                productCode: key.productCode, month: key.month, cents: cents)
        }
        let addVolume = try VolumeCellRecord.addStatement(db)
        for (key, volume) in volumes {
            try VolumeCellRecord(
                aanbieder: key.aanbieder, client: key.client, month: key.month.description, gemeente: key.gemeente,
                categorie: key.categorie, productCode: key.productCode ?? "", eenheid: key.eenheid,
                volume: volume.volume, cents: volume.cents, firstDay: volume.firstDay.iso, lastDay: volume.lastDay.iso
            ).add(addVolume)
        }
    }
}
