import Contracts
import Foundation
import GRDB
import HummingbirdBcrypt
import Storage

/// The dashboard's accounts, in a SQLite file of their own (`reporter-accounts.sqlite`):
/// the read model beside it is thrown away by `--rebuild`, the accounts are not. Passwords
/// are hashed with bcrypt; a wrong password counts towards a lockout (`LoginThrottle`).
public struct AccountStore: Sendable {
    let writer: any DatabaseWriter
    /// bcrypt's work factor: 12 in production (about a quarter second a check); tests lower it.
    let cost: UInt8
    let throttle: LoginThrottle
    let clock: @Sendable () -> Date

    public static let minimumPasswordLength = 12

    init(writer: any DatabaseWriter, cost: UInt8, throttle: LoginThrottle, clock: @escaping @Sendable () -> Date) {
        self.writer = writer
        self.cost = cost
        self.throttle = throttle
        self.clock = clock
    }

    public static func open(path: String) throws -> AccountStore {
        AccountStore(
            writer: try StoreOpener.open(path: path, migrator: migrator), cost: 12, throttle: LoginThrottle(),
            clock: Date.init)
    }

    static func inMemory(cost: UInt8 = 4, clock: @escaping @Sendable () -> Date = Date.init) throws -> AccountStore {
        AccountStore(
            writer: try StoreOpener.inMemory(migrator: migrator), cost: cost, throttle: LoginThrottle(), clock: clock)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("accounts.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        name TEXT PRIMARY KEY NOT NULL CHECK (length(trim(name)) > 0),
                        role TEXT NOT NULL CHECK (role IN ('lezer', 'contractmanager', 'beheerder')),
                        passwordHash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        failedAttempts INTEGER NOT NULL DEFAULT 0,
                        lockedUntil DOUBLE,
                        createdAt DOUBLE NOT NULL
                    );
                    """)
        }
        // One timestamp encoding (0.19.0): the times were GRDB's own text for a Date
        // (`2026-12-04 13:25:54.123`) in columns declared DOUBLE; now `Timestamp` text.
        migrator.registerMigration("accounts.v2.isoTimes") { db in
            func text(_ column: String) -> String {
                "CASE typeof(\(column)) WHEN 'text' THEN strftime('%Y-%m-%dT%H:%M:%SZ', \(column)) "
                    + "ELSE \(Timestamp.sqlText(fromUnixSeconds: column)) END"
            }
            func check(_ column: String) -> String { "CHECK (\(Timestamp.sqlCheck(column)))" }
            try db.execute(
                sql: """
                    CREATE TABLE account2 (
                        name TEXT PRIMARY KEY NOT NULL CHECK (length(trim(name)) > 0),
                        role TEXT NOT NULL CHECK (role IN ('lezer', 'contractmanager', 'beheerder')),
                        passwordHash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        failedAttempts INTEGER NOT NULL DEFAULT 0,
                        lockedUntil TEXT \(check("lockedUntil")),
                        createdAt TEXT NOT NULL \(check("createdAt"))
                    );
                    INSERT INTO account2
                    SELECT name, role, passwordHash, disabled, failedAttempts, \(text("lockedUntil")), \(text("createdAt"))
                    FROM account;
                    DROP TABLE account;
                    ALTER TABLE account2 RENAME TO account;
                    """)
        }
        return migrator
    }

    /// Adds an account, or sets a new password and role for an existing one (enabling it again).
    @discardableResult
    public func add(_ request: UserAddRequest) throws -> AccountSummary {
        let name = request.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100, !name.contains(where: \.isNewline) else {
            throw AccessError(.invalidRequest, "een naam is nodig (hoogstens 100 tekens, één regel)")
        }
        guard request.password.count >= Self.minimumPasswordLength else {
            throw AccessError(
                .invalidRequest, "een wachtwoord heeft minstens \(Self.minimumPasswordLength) tekens")
        }
        let record = AccountRecord(
            name: name, role: request.role, passwordHash: Bcrypt.hash(request.password, cost: cost), disabled: false,
            failedAttempts: 0, lockedUntil: nil, createdAt: clock())
        try writer.write { db in try record.save(db) }
        return record.summary
    }

    /// Every account, for the account page: read without holding a cooperative thread.
    public func list() async throws -> [AccountSummary] {
        try await writer.read { db in try Self.summaries(db) }
    }

    /// Every account, for `plafond user list`: the admin socket's handler runs on a thread
    /// of its own, not on Swift concurrency's, so it may block on the read.
    public func listBlocking() throws -> [AccountSummary] {
        try writer.read { db in try Self.summaries(db) }
    }

    private static func summaries(_ db: Database) throws -> [AccountSummary] {
        try AccountRecord.order(AccountRecord.Columns.name).fetchAll(db).map(\.summary)
    }

    /// Disables an account, from a request handler: the write waits off Swift
    /// concurrency's threads.
    public func disable(name: String) async throws {
        try await writer.write { db in try Self.disable(db, name: name) }
    }

    /// The same for the admin socket's handler, which runs on a thread of its own.
    public func disableBlocking(name: String) throws {
        try writer.write { db in try Self.disable(db, name: name) }
    }

    private static func disable(_ db: Database, name: String) throws {
        guard var record = try AccountRecord.fetchOne(db, key: name) else {
            throw AccessError(.notFound, "geen account \(name)")
        }
        record.disabled = true
        try record.update(db)
    }

    /// An enabled account by name, for the trusted-proxy mode (the proxy checked who it is).
    func enabledAccount(name: String) async throws -> AccountRecord? {
        try await writer.read { db in try AccountRecord.fetchOne(db, key: name) }.flatMap { $0.disabled ? nil : $0 }
    }

    enum LoginOutcome: Equatable {
        case success(name: String, role: AccountRole)
        /// Wrong name or password, or a disabled account: the page says the same for all.
        case refused
        case locked(until: Date)
    }

    /// Checks a name and password. Runs bcrypt, so call it off the cooperative pool.
    func login(name: String, password: String) throws -> LoginOutcome {
        let now = clock()
        guard let record = try writer.read({ db in try AccountRecord.fetchOne(db, key: name) }) else {
            // The same work as for a real account, so timing does not tell which names exist.
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            return .refused
        }
        if case .locked(let until) = throttle.verdict(lockedUntil: record.lockedUntil, now: now) {
            return .locked(until: until)
        }
        let matches = Bcrypt.verify(password, hash: record.passwordHash)
        return try writer.write { db in
            guard var current = try AccountRecord.fetchOne(db, key: name) else { return .refused }
            if matches && !current.disabled {
                current.failedAttempts = 0
                current.lockedUntil = nil
                try current.update(db)
                return .success(name: current.name, role: current.role)
            }
            let next = throttle.afterFailure(failedAttempts: current.failedAttempts, now: now)
            current.failedAttempts = next.failedAttempts
            current.lockedUntil = next.lockedUntil
            try current.update(db)
            return next.lockedUntil.map { .locked(until: $0) } ?? .refused
        }
    }

    /// A hash of a password nobody has, checked when the name is unknown.
    private static let decoyHash = Bcrypt.hash("plafond-decoy-\(UInt64.random(in: 0...UInt64.max))", cost: 12)
}
