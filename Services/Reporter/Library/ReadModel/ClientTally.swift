import GRDB

/// What a care type's (or all care types') clients add up to, counted client by client as
/// the rows come in client order, so that no request holds a map of a country's clients.
///
/// A country's indicators (`IndicatorQuery` over every gemeente) kept each client's sums in
/// dictionaries keyed by pseudonym, per care type and again in total: 1.4 GB of the
/// reporter's memory for one request at 100× (docs/BENCHMARKS.md, stop 33). SQLite sorts
/// the rows by client (its sorter spills to disk beyond its cache), and each client's
/// figures are added here and forgotten.
struct ClientTally: Equatable {
    /// Debits minus credits of every client, and their volume.
    var cents: Int64 = 0
    var volume: Int64 = 0
    /// Clients whose period's cents are above zero: the unique clients.
    var active = 0
    /// Of those, the clients with care declared in the stand's month.
    var stand = 0

    mutating func add(cents: Int64, volume: Int64, inStand: Bool) {
        self.cents += cents
        self.volume += volume
        if cents > 0 {
            active += 1
            if inStand { stand += 1 }
        }
    }
}

/// Rows in client order, the client's pseudonym in the first column: `row` gets each,
/// `clientEnded` is called when a client's rows end (before the next client's first row,
/// and after the last). How each area figure walks its rows (`ClientTally`).
enum ClientRuns {
    static func walk(_ rows: RowCursor, row: (Row) throws -> Void, clientEnded: () throws -> Void) throws {
        var client: String?
        while let next = try rows.next() {
            let id: String = next[0]
            if id != client {
                if client != nil { try clientEnded() }
                client = id
            }
            try row(next)
        }
        if client != nil { try clientEnded() }
    }
}
