import Foundation
import GRDB
import Messaging

/// The SQLite limit: the same rows as intake's line table, inserted by a minimal program
/// in one transaction per declaration, WAL and `synchronous=FULL` like intake (durable).
struct SQLiteBaseline {
    let folder: URL

    func measure(rows: Int, batch: Int) throws -> Double {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try DatabasePool(
            path: folder.appendingPathComponent("baseline.sqlite").path, configuration: configuration)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE line (id INTEGER PRIMARY KEY, aanbieder TEXT NOT NULL, gemeente TEXT NOT NULL,
                        referentieNummer TEXT NOT NULL, bsn TEXT NOT NULL, client TEXT NOT NULL, toewijzingNummer TEXT,
                        productCategorie TEXT NOT NULL, productCode TEXT, periodStart TEXT NOT NULL, periodEnd TEXT NOT NULL,
                        volume INTEGER NOT NULL, eenheid TEXT NOT NULL, tariffCents INTEGER, amountCents INTEGER NOT NULL,
                        debetCredit TEXT NOT NULL, UNIQUE (aanbieder, referentieNummer))
                    """)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        var inserted = 0
        while inserted < rows {
            try pool.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO line (aanbieder, gemeente, referentieNummer, bsn, client, toewijzingNummer,
                            productCategorie, productCode, periodStart, periodEnd, volume, eenheid, tariffCents,
                            amountCents, debetCredit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for row in inserted..<min(inserted + batch, rows) {
                    try statement.execute(arguments: [
                        "80000001", "0268", "B\(row)", "999900006", "p-0123456789abcdef0123456789abcdef", String(row),
                        "45", "45A03", "2026-10-01", "2026-10-31", 1 + row % 12, "04", 7_380, 7_380 * (1 + row % 12),
                        "D",
                    ])
                }
            }
            inserted += batch
        }
        return Double(rows) / (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}

/// The messaging limit: libzmq PUSH to PULL over loopback TCP, messages of the same size.
struct ZeroMQBaseline {
    let port: Int

    func measure(messages: Int, size: Int, linesPerMessage: Int) throws -> Double {
        let context = ZMQContext()
        defer { context.terminate() }
        let pull = try ZMQSocket(context, .pull)
        defer { pull.close() }
        try pull.setReceiveTimeout(30_000)
        try pull.bind("tcp://127.0.0.1:\(port)")
        let payload = Data(repeating: 0x41, count: size)
        // Our sockets close with LINGER 0: the pusher stays open until all has arrived.
        let received = DispatchSemaphore(value: 0)
        let pusher = Thread {
            guard let push = try? ZMQSocket(context, .push) else { return }
            defer { push.close() }
            try? push.connect("tcp://127.0.0.1:\(port)")
            for _ in 0..<messages { _ = try? push.send([payload]) }
            received.wait()
        }
        let started = DispatchTime.now().uptimeNanoseconds
        pusher.start()
        var count = 0
        while count < messages, try pull.receive() != nil { count += 1 }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        received.signal()
        guard count == messages else { throw BenchError("only \(count) of \(messages) messages arrived") }
        return Double(messages * linesPerMessage) / seconds
    }
}
