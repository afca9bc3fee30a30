import GRDB

/// The gemeente's own team that referred (`ReferralRequested.verwijzerTeam`), beside the
/// referrer type, so an exception route can recognise a Regieteam by its name. Referrals
/// from before this column have none: their route is known by type or hand mark only.
enum ReferralTeamColumn {
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("monitor.policy.v2.referralTeam") { db in
            try db.execute(sql: "ALTER TABLE referral ADD COLUMN team TEXT")
        }
    }
}
