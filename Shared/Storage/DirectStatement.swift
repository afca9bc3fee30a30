import GRDB
import GRDBSQLite

/// A statement on a hot path (intake's per line, monitor's per line and per touched
/// cell), bound and stepped through SQLite's C API: the one documented exception to
/// reading and writing through GRDB records (issue 22).
///
/// GRDB's `execute(arguments:)` builds a `StatementArguments` of existentials, checks
/// them against the statement and nests a closure per text it binds; for the line insert
/// and the look-ups per line that cost more than SQLite's own work (profile in
/// docs/BENCHMARKS.md, intake). The statement itself is still GRDB's: prepared and cached by the
/// connection, run inside the connection's transaction on its queue. Only plain INSERT
/// and SELECT belong here, never statements that open, end or name a transaction or
/// savepoint, which GRDB tracks as they run.
///
/// One may be made once and run many times within a transaction (a batch's cells):
/// each run resets it, and every parameter is bound again before the next. That saves
/// the connection's statement cache a look-up by SQL text per row.
public struct DirectStatement {
    private let statement: Statement
    private let handle: SQLiteStatement

    public init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds parameter `index` (from 1); nil binds NULL, an empty string ''.
    public func bind(_ text: String?, at index: Int32) {
        guard var text else { return bindNull(at: index) }
        let code = text.withUTF8 { bytes in
            // A nil pointer would bind NULL: an empty text gets a real, empty C string.
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, transient) }
            return sqlite3_bind_text(handle, index, base, Int32(bytes.count), transient)
        }
        bound(code, at: index)
    }

    public func bind(_ value: Int64?, at index: Int32) {
        guard let value else { return bindNull(at: index) }
        bound(sqlite3_bind_int64(handle, index, value), at: index)
    }

    public func bind(blob bytes: [UInt8], at index: Int32) {
        let code = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return sqlite3_bind_blob(handle, index, base, Int32(raw.count), transient)
        }
        bound(code, at: index)
    }

    private func bindNull(at index: Int32) {
        bound(sqlite3_bind_null(handle, index), at: index)
    }

    /// A bind fails only for a parameter the statement does not have or a value over
    /// SQLite's limits: a programming error. Going on would store the previous row's
    /// value in its place, so it stops here, as GRDB's own binding does.
    private func bound(_ code: Int32, at index: Int32) {
        precondition(code == SQLITE_OK, "binding parameter \(index) of \(statement.sql) failed: \(code)")
    }

    /// Runs a statement that returns no rows (an INSERT or UPDATE).
    public func run() throws {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// The first column of the first row as a truth value, for `SELECT EXISTS (…)`.
    public func isTrue() throws -> Bool {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else { throw failure(code) }
        return sqlite3_column_int64(handle, 0) != 0
    }

    /// Steps through the rows a SELECT returns; a row's columns are read inside `body`.
    public func forEachRow(_ body: (DirectRow) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            try body(DirectRow(handle: handle))
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
    }
}

/// The current row of a `DirectStatement`, valid only inside `forEachRow`'s body.
public struct DirectRow {
    fileprivate let handle: SQLiteStatement

    /// Column `index` (from 0) as text; NULL reads as "".
    public func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Column `index` (from 0) as an integer; NULL reads as 0.
    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// Column `index` (from 0) as an integer, or nil for NULL.
    public func optionalInt64(_ index: Int32) -> Int64? {
        sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
    }
}

/// SQLite copies the bytes before the bind call returns (SQLITE_TRANSIENT), so a Swift
/// string's storage need live only for the call.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
