import GRDB

/// TR379 (9379), as far as intake can check it: an allocation's ReferentieAanbieder must be
/// that of the request (JW315, a VOT) or change request (JW317, a VOW) it honours.
///
/// Intake receives the provider's JW315s but not its JW317s, so a reference it does not
/// know may be a VOW's and is never refused (OP095). What it can refuse: a reference it
/// knows from a JW315 of this provider for another client, or sent to another gemeente.
/// TR347 makes a ReferentieAanbieder the provider's once across its VOTs and VOWs, so no
/// VOW of this client to this gemeente can carry it: the allocation names a request it
/// does not honour.
struct RequestReferences {
    let aanbieder: String
    let gemeente: String

    /// Whether `reference` is a request of this provider for another client or gemeente.
    func isAnotherRequest(_ db: Database, reference: String, client: String) throws -> Bool {
        let requests = try Requester.fetchAll(
            db, sql: "SELECT client, gemeente FROM referral WHERE aanbieder = ? AND referentieAanbieder = ?",
            arguments: [aanbieder, reference])
        return requests.contains { $0.client != client || $0.gemeente != gemeente }
    }

    /// Whom an earlier request with the same reference was for.
    private struct Requester: Decodable, FetchableRecord {
        var client: String
        var gemeente: String
    }
}
