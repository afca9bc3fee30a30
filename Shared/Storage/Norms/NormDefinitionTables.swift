import Contracts
import Foundation
import GRDB

/// Norm definitions in columns and child tables, as monitor's register and reporter's
/// read model both keep them: `normDefinition` (one row per norm), `normScopeItem`,
/// `normThreshold` and `normShare` (its lists).
///
/// Until 0.17.0 a definition was one JSON blob in `norm.definition`: nothing in it could be
/// constrained or queried, and every reader decoded every norm. The migration moves each
/// blob into the columns with SQLite's JSON functions, in SQL (a migration must not use
/// today's model types), then drops the blob.
public enum NormDefinitionTables {
    /// Registers the migration under `name` (each store numbers its own migrations). The
    /// store's `norm` table must have `id` and `definition` when it runs.
    public static func registerMigration(_ migrator: inout DatabaseMigrator, named name: String) {
        migrator.registerMigration(name) { db in
            try db.execute(sql: schema)
            try db.execute(sql: moveDefinitions)
            try db.execute(sql: "ALTER TABLE norm DROP COLUMN definition")
        }
    }

    /// Registers, under `name`, the column of 0.19.0: an intensiteitsnorm judged per child
    /// across providers (`IntensityMeasure.perChild`). Existing norms stay per provider.
    public static func registerPerChildMigration(_ migrator: inout DatabaseMigrator, named name: String) {
        migrator.registerMigration(name) { db in
            try db.execute(
                sql: """
                    ALTER TABLE normDefinition ADD COLUMN intensityPerChild INTEGER
                        CHECK (intensityPerChild IN (0, 1))
                    """)
            try db.execute(sql: "UPDATE normDefinition SET intensityPerChild = 0 WHERE kind = 'intensiteitsnorm'")
        }
    }

    /// Registers, under `name`, the column of 0.19.0 for the weeks a year with care an
    /// intensiteitsnorm allows (`IntensityMeasure.openWeeks`, Nijmegen's 47); NULL is none.
    public static func registerOpenWeeksMigration(_ migrator: inout DatabaseMigrator, named name: String) {
        migrator.registerMigration(name) { db in
            try db.execute(
                sql: """
                    ALTER TABLE normDefinition ADD COLUMN intensityOpenWeeks INTEGER
                        CHECK (intensityOpenWeeks BETWEEN 1 AND 53)
                    """)
        }
    }

    /// Registers, under `name`, the column of 0.19.0 for the months in care at one provider
    /// an intensiteitsnorm allows (`IntensityMeasure.maxMonths`); NULL is none.
    public static func registerMaxMonthsMigration(_ migrator: inout DatabaseMigrator, named name: String) {
        migrator.registerMigration(name) { db in
            try db.execute(
                sql: "ALTER TABLE normDefinition ADD COLUMN intensityMaxMonths INTEGER CHECK (intensityMaxMonths > 0)")
        }
    }

    static let schema = """
        CREATE TABLE normDefinition (
            id INTEGER PRIMARY KEY REFERENCES norm(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL
                CHECK (kind IN ('signaalplafond', 'bestedingsruimte', 'instroomtarget', 'intensiteitsnorm')),
            periodStart TEXT NOT NULL,
            periodEnd TEXT NOT NULL,
            normLimit INTEGER NOT NULL,
            stopRule TEXT NOT NULL CHECK (stopRule IN ('forecastAbove100', 'forecastAbove105')),
            version INTEGER NOT NULL CHECK (version > 0),
            ended INTEGER NOT NULL CHECK (ended IN (0, 1)),
            regio TEXT,
            aanbieder TEXT,
            intensityEenheid TEXT,
            intensityPer TEXT CHECK (intensityPer IN ('week', 'maand')),
            intensityWindowMonths INTEGER,
            intensityMonthsAbove INTEGER
        );
        CREATE TABLE normScopeItem (
            normID INTEGER NOT NULL REFERENCES normDefinition(id),
            facet TEXT NOT NULL CHECK (facet IN ('gemeente', 'productCategorie', 'productCode')),
            position INTEGER NOT NULL,
            code TEXT NOT NULL,
            PRIMARY KEY (normID, facet, position)
        );
        CREATE TABLE normThreshold (
            normID INTEGER NOT NULL REFERENCES normDefinition(id),
            position INTEGER NOT NULL,
            percent INTEGER NOT NULL CHECK (percent > 0),
            PRIMARY KEY (normID, position)
        );
        CREATE TABLE normShare (
            normID INTEGER NOT NULL REFERENCES normDefinition(id),
            gemeente TEXT NOT NULL,
            basisPoints INTEGER NOT NULL CHECK (basisPoints >= 0),
            PRIMARY KEY (normID, gemeente)
        );
        """

    /// The blob is JSON text stored as a BLOB: cast, since newer SQLite reads a BLOB as JSONB.
    static let moveDefinitions = """
        CREATE TEMP TABLE normJSON AS SELECT id, CAST(definition AS TEXT) AS d FROM norm;
        INSERT INTO normDefinition (id, name, kind, periodStart, periodEnd, normLimit, stopRule, version, ended,
            regio, aanbieder, intensityEenheid, intensityPer, intensityWindowMonths, intensityMonthsAbove)
        SELECT id, json_extract(d, '$.name'), json_extract(d, '$.kind'), json_extract(d, '$.period.start'),
            json_extract(d, '$.period.end'), json_extract(d, '$.limit'),
            COALESCE(json_extract(d, '$.stopRule'), 'forecastAbove100'), json_extract(d, '$.version'),
            COALESCE(json_extract(d, '$.ended'), 0), json_extract(d, '$.scope.regio'),
            json_extract(d, '$.scope.aanbieder'), json_extract(d, '$.intensity.eenheid'),
            json_extract(d, '$.intensity.per'), json_extract(d, '$.intensity.windowMonths'),
            json_extract(d, '$.intensity.monthsAbove')
        FROM normJSON;
        INSERT INTO normScopeItem (normID, facet, position, code)
        SELECT n.id, 'gemeente', j.key, j.value FROM normJSON n, json_each(n.d, '$.scope.gemeenten') j
        UNION ALL
        SELECT n.id, 'productCategorie', j.key, j.value FROM normJSON n, json_each(n.d, '$.scope.productCategorieen') j
        UNION ALL
        SELECT n.id, 'productCode', j.key, j.value FROM normJSON n, json_each(n.d, '$.scope.productCodes') j;
        INSERT INTO normThreshold (normID, position, percent)
        SELECT n.id, j.key, j.value FROM normJSON n, json_each(n.d, '$.thresholds') j;
        INSERT INTO normShare (normID, gemeente, basisPoints)
        SELECT n.id, j.key, j.value FROM normJSON n, json_each(n.d, '$.shares') j;
        DROP TABLE normJSON;
        """

    /// Stores a norm's definition, replacing the one it had. The store's own `norm` row
    /// (its ledger value, version) must exist first.
    public static func save(_ db: Database, _ norm: NormDefinition) throws {
        try NormDefinitionRecord(norm).upsert(db)
        for table in [
            NormScopeItemRecord.databaseTableName, NormThresholdRecord.databaseTableName,
            NormShareRecord.databaseTableName,
        ] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE normID = ?").execute(arguments: [norm.id])
        }
        let lists: [(NormScopeItemRecord.Facet, [String])] = [
            (.gemeente, norm.scope.gemeenten), (.productCategorie, norm.scope.productCategorieen),
            (.productCode, norm.scope.productCodes),
        ]
        for (facet, codes) in lists {
            for (position, code) in codes.enumerated() {
                try NormScopeItemRecord(normID: norm.id, facet: facet, position: position, code: code).insert(db)
            }
        }
        for (position, percent) in norm.thresholds.enumerated() {
            try NormThresholdRecord(normID: norm.id, position: position, percent: percent).insert(db)
        }
        for (gemeente, basisPoints) in norm.shares ?? [:] {
            try NormShareRecord(normID: norm.id, gemeente: gemeente, basisPoints: basisPoints).insert(db)
        }
    }

    /// Every norm's definition, in id order.
    public static func all(_ db: Database) throws -> [NormDefinition] {
        try assemble(
            db, NormDefinitionRecord.order(NormDefinitionRecord.Columns.id).fetchAll(db),
            scope: NormScopeItemRecord.all(), thresholds: NormThresholdRecord.all(), shares: NormShareRecord.all())
    }

    /// One norm's definition, or nil for an unknown id.
    public static func find(_ db: Database, id: Int64) throws -> NormDefinition? {
        guard let record = try NormDefinitionRecord.fetchOne(db, key: id) else { return nil }
        return try assemble(
            db, [record], scope: NormScopeItemRecord.filter(NormScopeItemRecord.Columns.normID == id),
            thresholds: NormThresholdRecord.filter(NormThresholdRecord.Columns.normID == id),
            shares: NormShareRecord.filter(NormShareRecord.Columns.normID == id)
        ).first
    }

    /// Four reads, whatever the number of norms: the lists are grouped by norm in memory.
    private static func assemble(
        _ db: Database, _ records: [NormDefinitionRecord], scope: QueryInterfaceRequest<NormScopeItemRecord>,
        thresholds: QueryInterfaceRequest<NormThresholdRecord>, shares: QueryInterfaceRequest<NormShareRecord>
    ) throws -> [NormDefinition] {
        let items = Dictionary(grouping: try scope.fetchAll(db), by: \.normID)
        let percents = Dictionary(grouping: try thresholds.fetchAll(db), by: \.normID)
        let parts = Dictionary(grouping: try shares.fetchAll(db), by: \.normID)
        return try records.map {
            try $0.definition(scope: items[$0.id] ?? [], thresholds: percents[$0.id] ?? [], shares: parts[$0.id] ?? [])
        }
    }
}
