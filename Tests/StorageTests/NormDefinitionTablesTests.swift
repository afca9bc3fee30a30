import Contracts
import Domain
import Foundation
import GRDB
import Storage
import Testing

@Suite struct NormDefinitionTablesTests {
    /// A store as 0.17.0 left it: norms as JSON blobs in `norm.definition`.
    func storeWithBlobs(_ norms: [NormDefinition]) throws -> (DatabaseQueue, DatabaseMigrator) {
        let db = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        migrator.registerMigration("blobs") { db in
            try db.execute(
                sql: "CREATE TABLE norm (id INTEGER PRIMARY KEY, definition BLOB NOT NULL, version INTEGER NOT NULL)")
        }
        try migrator.migrate(db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try db.write { db in
            for norm in norms {
                try db.execute(
                    sql: "INSERT INTO norm (id, definition, version) VALUES (?, ?, ?)",
                    arguments: [norm.id, try encoder.encode(norm), norm.version])
            }
        }
        NormDefinitionTables.registerMigration(&migrator, named: "columns")
        NormDefinitionTables.registerPerChildMigration(&migrator, named: "perChild")
        NormDefinitionTables.registerOpenWeeksMigration(&migrator, named: "openWeeks")
        NormDefinitionTables.registerMaxMonthsMigration(&migrator, named: "maxMonths")
        return (db, migrator)
    }

    let regio: NormDefinition = {
        var norm = NormDefinition(
            id: 1, name: "Jeugd-GGZ, regio", kind: .signaalplafond,
            scope: NormScope(
                gemeenten: ["0268", "0209", "0296"], regio: "Rijk van Nijmegen",
                productCategorieen: ["54", "45"], productCodes: ["54001"]),
            period: .year(2026), limit: 812_300_000, thresholds: [90, 70, 100], version: 3)
        norm.thresholds = [90, 70, 100]
        norm.shares = ["0268": 6000, "0209": 2500, "0296": 1500]
        return norm
    }()

    let intensity = NormDefinition(
        id: 2, name: "VDB: ten hoogste 18 uur per week", kind: .intensiteitsnorm,
        scope: NormScope(gemeenten: [], aanbieder: "12345678"), period: .year(2026), limit: 18,
        stopRule: .forecastAbove105, ended: true,
        intensity: IntensityMeasure(eenheid: "16", per: .maand, windowMonths: 4, monthsAbove: 3))

    @Test func theMigrationMovesEveryBlobIntoTheColumnsAsItWasSaved() throws {
        let (db, migrator) = try storeWithBlobs([regio, intensity])
        try migrator.migrate(db)
        #expect(try db.read { try NormDefinitionTables.all($0) } == [regio, intensity])
        #expect(try db.read { try NormDefinitionTables.find($0, id: 2) } == intensity)
        #expect(try db.read { try NormDefinitionTables.find($0, id: 3) } == nil)
        #expect(try db.read { try $0.columns(in: "norm").map(\.name) } == ["id", "version"])
    }

    @Test func savingReplacesTheListsItHad() throws {
        let (db, migrator) = try storeWithBlobs([regio])
        try migrator.migrate(db)
        var changed = regio
        changed.version += 1
        changed.scope.gemeenten = ["0268"]
        changed.scope.productCodes = []
        changed.thresholds = [100]
        changed.shares = nil
        try db.write { db in
            try db.execute(sql: "UPDATE norm SET version = ? WHERE id = ?", arguments: [changed.version, changed.id])
            try NormDefinitionTables.save(db, changed)
        }
        #expect(try db.read { try NormDefinitionTables.all($0) } == [changed])
    }

    @Test func theSchemaRefusesAKindItDoesNotKnow() throws {
        let (db, migrator) = try storeWithBlobs([])
        try migrator.migrate(db)
        #expect(throws: DatabaseError.self) {
            try db.write { db in
                try db.execute(sql: "INSERT INTO norm (id, version) VALUES (1, 1)")
                try db.execute(
                    sql: """
                        INSERT INTO normDefinition (id, name, kind, periodStart, periodEnd, normLimit, stopRule,
                            version, ended) VALUES (1, 'x', 'plafond', '2026-01-01', '2026-12-31', 1, 'forecastAbove100', 1, 0)
                        """)
            }
        }
    }

    /// 0.19.0's column: a norm judged per child reads back so, and every intensiteitsnorm
    /// from before it reads back per provider.
    @Test func anIntensiteitsnormPerChildReadsBackPerChildOlderOnesPerProvider() throws {
        let (db, migrator) = try storeWithBlobs([intensity])
        try migrator.migrate(db)
        #expect(try db.read { try NormDefinitionTables.find($0, id: 2) }?.intensity?.perChild == false)
        var perChild = intensity
        perChild.id = 3
        perChild.intensity?.perChild = true
        perChild.intensity?.openWeeks = 47
        perChild.intensity?.maxMonths = 12
        try db.write { db in
            try db.execute(sql: "INSERT INTO norm (id, version) VALUES (3, 1)")
            try NormDefinitionTables.save(db, perChild)
        }
        #expect(try db.read { try NormDefinitionTables.find($0, id: 3) } == perChild)
        #expect(
            try db.read { try Int.fetchOne($0, sql: "SELECT intensityPerChild FROM normDefinition WHERE id = 3") } == 1)
    }
}
