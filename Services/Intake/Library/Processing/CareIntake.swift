import Contracts
import Domain
import Foundation
import GRDB
import IJW
import Logging
import Storage

/// Receives a JW305 (start), JW307 (stop) or JW315 (request for an allocation) inside
/// the batch transaction and answers with its retour (JW306, JW308, JW316).
///
/// A message is taken or refused whole: each product is checked in order against what
/// intake already holds (and what earlier products of the same message did); if any
/// product has a code, nothing of the message is kept and the retour carries the codes.
/// Start and stop messages never condition payment: declarations do not look at them.
struct CareIntake {
    let pseudonymizer: Pseudonymizer
    let knownGemeenten: Set<String>
    let allocationGemeenten: Set<String>
    let today: Day
    let now: Date
    let logger: Logger

    /// Thrown inside the savepoint to undo a refused message's changes.
    private struct Refused: Error {
        var codes: [RetourCode]
    }

    func receive(_ db: Database, _ message: IJWMessage, contentHash: Data) throws -> Data {
        let header = message.header
        guard let retour = RetourWriter.Message(answering: header.berichtCode) else {
            return PlafondFault(.geenIJW, "bericht \(header.berichtCode) wordt niet ontvangen").xml()
        }
        if let stored = try StoredMessage.find(db, sender: header.afzender, identificatie: header.identificatie) {
            if stored.contentHash == contentHash { return stored.answer }
            return AnswerBuilding.retour(
                retour, header, codes: [.berichtIdentificatieNietUniek], today: today, contentHash: contentHash)
        }
        var codes: [RetourCode] = []
        do {
            try db.inSavepoint {
                let found = try apply(db, message)
                if !found.isEmpty { throw Refused(codes: found) }
                return .commit
            }
        } catch let refused as Refused {
            codes = refused.codes
        }
        let answer = AnswerBuilding.retour(
            retour, header, codes: codes.isEmpty ? [.geenOpmerking] : codes, today: today, contentHash: contentHash)
        _ = try StoredMessage.insert(
            db, header: header, hash: contentHash, outcome: codes.isEmpty ? "received" : "rejected", answer: answer,
            at: now)
        logger.info(
            codes.isEmpty ? "message received" : "message refused",
            metadata: [
                "bericht": "\(header.berichtCode)", "provider.agb": "\(header.afzender)",
                "codes": "\(codes.map(\.code))",
            ])
        return answer
    }

    /// Applies the message product by product; returns the codes that refuse it.
    private func apply(_ db: Database, _ message: IJWMessage) throws -> [RetourCode] {
        let header = message.header
        var codes: [RetourCode] = []
        if !knownGemeenten.isEmpty && !knownGemeenten.contains(header.ontvanger) { codes.append(.onbekendeGemeente) }
        if header.dagtekening > today { codes.append(.datumInToekomst) }
        let bsn: String
        switch message {
        case .careStart(let m): bsn = m.bsn
        case .careStop(let m): bsn = m.bsn
        case .allocationRequest(let m): bsn = m.bsn
        case .declaration, .allocation: return [.technischeAfwijzing]
        }
        if BSN(bsn) == nil { codes.append(.technischeAfwijzing) }
        guard codes.isEmpty else { return codes }
        let client = pseudonymizer.pseudonym(forBSN: bsn)
        var found: [RetourCode] = []
        switch message {
        case .careStart(let m):
            for product in m.products { found += try start(db, header, product, bsn: bsn, client: client) }
        case .careStop(let m):
            for product in m.products { found += try stop(db, header, product, client: client) }
        case .allocationRequest(let m):
            for product in m.products { found += try request(db, header, product, client: client) }
        case .declaration, .allocation:
            break
        }
        var unique: [RetourCode] = []
        for code in found where !unique.contains(code) { unique.append(code) }
        return unique
    }

    private func key(_ header: MessageHeader, _ toewijzing: String) -> CareStore.Key {
        CareStore.Key(aanbieder: header.afzender, gemeente: header.ontvanger, toewijzingNummer: toewijzing)
    }

    /// 9019 when the gemeente's allocations come to Plafond and this one is unknown or
    /// belongs to another client.
    private func unlinked(_ db: Database, _ header: MessageHeader, _ toewijzing: String, bsn: String) throws -> Bool {
        guard allocationGemeenten.contains(header.ontvanger) else { return false }
        let allocation = try AllocationStore.find(
            db, gemeente: header.ontvanger, aanbieder: header.afzender, toewijzingNummer: toewijzing)
        return allocation?.bsn != bsn
    }

    private func start(_ db: Database, _ header: MessageHeader, _ product: CareStart, bsn: String, client: String)
        throws -> [RetourCode]
    {
        if product.begindatum > today { return [.datumInToekomst] }
        if try unlinked(db, header, product.toewijzingNummer, bsn: bsn) { return [.nietTeKoppelen] }
        let key = key(header, product.toewijzingNummer)
        let existing = try CareStore.start(db, key, begindatum: product.begindatum)
        switch product.status {
        case .eersteAanlevering:
            if existing != nil { return [.sleutelAlOntvangen] }
            if try CareStore.hasOpenStart(db, key) { return [.startNogNietGestopt] }
            if try CareStore.hasFinalStop(db, key) { return [.definitieveStopBestaat] }
            try CareStore.insertStart(db, key, product, client: client)
        case .gewijzigd:
            guard let existing else { return [.nietTeKoppelen] }
            try CareStore.updateStart(db, id: existing.id, product)
        case .verwijderen:
            guard let existing else { return [.nietTeKoppelen] }
            try CareStore.deleteStart(db, id: existing.id)
        }
        let event = CareStarted(
            gemeente: header.ontvanger, aanbieder: header.afzender, client: client,
            toewijzingNummer: product.toewijzingNummer, productCategorie: product.productCategorie,
            productCode: product.productCode, begindatum: product.begindatum,
            withdrawn: product.status == .verwijderen)
        try Outbox.append(db, kind: CareStarted.kind.rawValue, body: try event.encoded(), at: now)
        return []
    }

    private func stop(_ db: Database, _ header: MessageHeader, _ product: CareStop, client: String) throws
        -> [RetourCode]
    {
        if product.einddatum > today { return [.datumInToekomst] }
        guard
            let existing = try CareStore.start(
                db, key(header, product.toewijzingNummer), begindatum: product.begindatum)
        else { return [.nietTeKoppelen] }
        switch product.status {
        case .eersteAanlevering:
            if existing.isFinallyStopped { return [.definitieveStopBestaat] }
            if existing.isStopped { return [.sleutelAlOntvangen] }
            try CareStore.setStop(db, id: existing.id, einddatum: product.einddatum, reden: product.redenBeeindiging)
        case .gewijzigd:
            guard existing.isStopped else { return [.nietTeKoppelen] }
            try CareStore.setStop(db, id: existing.id, einddatum: product.einddatum, reden: product.redenBeeindiging)
        case .verwijderen:
            guard existing.isStopped else { return [.nietTeKoppelen] }
            try CareStore.setStop(db, id: existing.id, einddatum: nil, reden: nil)
        }
        let event = CareStopped(
            gemeente: header.ontvanger, aanbieder: header.afzender, client: client,
            toewijzingNummer: product.toewijzingNummer, begindatum: product.begindatum, einddatum: product.einddatum,
            redenBeeindiging: product.redenBeeindiging, withdrawn: product.status == .verwijderen,
            productCategorie: product.productCategorie)
        try Outbox.append(db, kind: CareStopped.kind.rawValue, body: try event.encoded(), at: now)
        return []
    }

    private func request(_ db: Database, _ header: MessageHeader, _ product: RequestedProduct, client: String) throws
        -> [RetourCode]
    {
        guard
            try CareStore.insertReferral(
                db, aanbieder: header.afzender, gemeente: header.ontvanger, product, client: client)
        else { return [.sleutelAlOntvangen] }
        let event = ReferralRequested(
            gemeente: header.ontvanger, aanbieder: header.afzender, client: client,
            referentieAanbieder: product.referentieAanbieder, productCategorie: product.productCategorie,
            productCode: product.productCode, toewijzingIngangsdatum: product.toewijzingIngangsdatum,
            verwijzerType: product.verwijzerType)
        try Outbox.append(db, kind: ReferralRequested.kind.rawValue, body: try event.encoded(), at: now)
        return []
    }
}
