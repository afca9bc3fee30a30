import Contracts
import Domain
import Foundation
import GRDB
import Storage

/// The per-client facts the indicators need, kept from intake's log with the keyed
/// pseudonym only: declared amount and volume per client and month of care, ended
/// trajectories, and referrals with their referrer type.
enum IndicatorFacts {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.v3.indicators") { db in
            try db.execute(
                sql: """
                    CREATE TABLE clientMonth (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        month TEXT NOT NULL,
                        client TEXT NOT NULL,
                        cents INTEGER NOT NULL,
                        volume INTEGER NOT NULL,
                        PRIMARY KEY (aanbieder, gemeente, categorie, month, client)
                    ) WITHOUT ROWID;
                    CREATE TABLE careEnd (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        toewijzingNummer TEXT NOT NULL,
                        begindatum TEXT NOT NULL,
                        client TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        einddatum TEXT NOT NULL,
                        reden TEXT NOT NULL,
                        PRIMARY KEY (aanbieder, gemeente, toewijzingNummer, begindatum)
                    ) WITHOUT ROWID;
                    CREATE TABLE referral (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        referentie TEXT NOT NULL,
                        client TEXT NOT NULL,
                        verwijzerType TEXT NOT NULL,
                        day TEXT NOT NULL,
                        PRIMARY KEY (aanbieder, gemeente, referentie)
                    ) WITHOUT ROWID;
                    """)
        }
    }

    /// Volume per unit (WJ756): `clientMonth` adds minutes and hours together, so the
    /// volume per client is taken from here, one figure per unit, never mixed.
    static func registerVolumeByUnitMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporter.policy.v1.volumeByUnit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE clientMonthUnit (
                        aanbieder TEXT NOT NULL,
                        gemeente TEXT NOT NULL,
                        categorie TEXT NOT NULL,
                        month TEXT NOT NULL,
                        client TEXT NOT NULL,
                        eenheid TEXT NOT NULL,
                        volume INTEGER NOT NULL,
                        PRIMARY KEY (aanbieder, gemeente, categorie, month, client, eenheid)
                    ) WITHOUT ROWID
                    """)
        }
    }

    /// A final stop ends a trajectory; a temporary or withdrawn one takes it back.
    static func careStopped(_ db: Database, _ stop: CareStopped) throws {
        if stop.withdrawn || stop.temporary {
            try db.execute(
                sql: """
                    DELETE FROM careEnd WHERE aanbieder = ? AND gemeente = ? AND toewijzingNummer = ?
                        AND begindatum = ?
                    """,
                arguments: [stop.aanbieder, stop.gemeente, stop.toewijzingNummer, stop.begindatum.iso])
        } else {
            try db.execute(
                sql: """
                    INSERT INTO careEnd (aanbieder, gemeente, toewijzingNummer, begindatum, client, categorie,
                        einddatum, reden) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET einddatum = excluded.einddatum, reden = excluded.reden
                    """,
                arguments: [
                    stop.aanbieder, stop.gemeente, stop.toewijzingNummer, stop.begindatum.iso, stop.client,
                    stop.productCategorie ?? "", stop.einddatum.iso, stop.redenBeeindiging,
                ])
        }
    }

    static func referred(_ db: Database, _ referral: ReferralRequested) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO referral (aanbieder, gemeente, referentie, client, verwijzerType, day, team)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                referral.aanbieder, referral.gemeente, referral.referentieAanbieder, referral.client,
                referral.verwijzerType, referral.toewijzingIngangsdatum.iso, referral.verwijzerTeam,
            ])
    }

    static func addLine(_ db: Database, _ line: DeclaredLine, sign: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO clientMonth (aanbieder, gemeente, categorie, month, client, cents, volume)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET cents = cents + excluded.cents, volume = volume + excluded.volume
                """,
            arguments: [
                line.aanbieder, line.gemeente, line.productCategorie, line.monthOfCare.description, line.client,
                line.amountCents * sign, line.volume * sign,
            ])
        try db.execute(
            sql: """
                INSERT INTO clientMonthUnit (aanbieder, gemeente, categorie, month, client, eenheid, volume)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET volume = volume + excluded.volume
                """,
            arguments: [
                line.aanbieder, line.gemeente, line.productCategorie, line.monthOfCare.description, line.client,
                line.eenheid, line.volume * sign,
            ])
    }
}
