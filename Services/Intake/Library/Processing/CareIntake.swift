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
/// product has a code, nothing of the message is kept and the retour echoes the Client
/// with every product's codes (IV028). Start and stop messages never condition payment:
/// declarations do not look at them.
struct CareIntake {
    let pseudonymizer: Pseudonymizer
    let knownGemeenten: Set<String>
    let allocationGemeenten: Set<String>
    /// TR381: the product code list per gemeente (S329 on a product that does not fit).
    let productCodes: ProductCodeList
    let today: Day
    let now: Date
    let logger: Logger

    /// Thrown inside the savepoint to undo a refused message's changes.
    private struct Refused: Error {
        var products: [[RetourCode]]
    }

    /// `document` is the message as sent: the retour echoes its Client (IV028); it is
    /// read for that alone and not kept.
    func receive(_ db: Database, _ message: IJWMessage, document: Data, contentHash: Data) throws -> Data {
        let header = message.header
        guard let retour = RetourWriter.Message(answering: message.kind) else {
            return PlafondFault(.geenIJW, "bericht \(header.berichtCode) wordt niet ontvangen").xml()
        }
        if let stored = try StoredMessage.find(
            db, sender: header.afzender, berichtCode: header.berichtCode, identificatie: header.identificatie)
        {
            if stored.contentHash == contentHash {
                return RetourWriter.restoring(stored.answer, retour, document: document)
            }
            return AnswerBuilding.retour(
                retour, header, codes: [.berichtIdentificatieNietUniek], today: today, contentHash: contentHash)
        }
        let codes = messageCodes(message)
        var products: [[RetourCode]] = []
        if codes.isEmpty {
            do {
                try db.inSavepoint {
                    let found = try apply(db, message)
                    if found.contains(where: { !$0.isEmpty }) { throw Refused(products: found) }
                    return .commit
                }
            } catch let refused as Refused {
                products = refused.products
            }
        }
        var answer = AnswerBuilding.retour(retour, header, codes: codes, today: today, contentHash: contentHash)
        var stored = answer
        if !products.isEmpty {
            (answer, stored) = AnswerBuilding.productRetour(
                retour, header, codes: RetourWriter.ClientCodes(products: products), document: document, today: today,
                contentHash: contentHash)
        }
        let refused = !codes.isEmpty || !products.isEmpty
        _ = try StoredMessage.insert(
            db, header: header, hash: contentHash, outcome: refused ? "rejected" : "received", answer: stored, at: now)
        logger.info(
            refused ? "message refused" : "message received",
            metadata: [
                "bericht": "\(header.berichtCode)", "provider.agb": "\(header.afzender)",
                "codes": "\(codes.map(\.code))", "product.codes": "\(products.map { $0.map(\.code) })",
            ])
        return answer
    }

    /// The rules on the message as a whole, answered in the header only: 0001 for a
    /// "bericht inhoud" rule (CareMessageChecks), 8848 for a Dagtekening after the system
    /// date (TR135), S300 for a gemeente intake does not know (TR378).
    private func messageCodes(_ message: IJWMessage) -> [RetourCode] {
        let header = message.header
        var codes: [RetourCode] = []
        let problems = CareMessageChecks.problems(message)
        if !problems.isEmpty {
            codes.append(.technischeAfwijzing)
            logger.info("message breaks a rule of the standard", metadata: ["reasons": "\(problems)"])
        }
        if header.dagtekening > today { codes.append(.datumInToekomst) }
        if !knownGemeenten.isEmpty && !knownGemeenten.contains(header.ontvanger) { codes.append(.onbekendeGemeente) }
        return codes
    }

    /// Applies the message product by product; returns each product's codes, in the
    /// message's order (all empty: the message is taken).
    private func apply(_ db: Database, _ message: IJWMessage) throws -> [[RetourCode]] {
        let header = message.header
        switch message {
        case .careStart(let m):
            let client = pseudonymizer.pseudonym(forBSN: m.bsn)
            return try m.products.map { try start(db, header, $0, bsn: m.bsn, client: client) }
        case .careStop(let m):
            let client = pseudonymizer.pseudonym(forBSN: m.bsn)
            return try m.products.map { try stop(db, header, $0, bsn: m.bsn, client: client) }
        case .allocationRequest(let m):
            let client = pseudonymizer.pseudonym(forBSN: m.bsn)
            return try m.products.map { try request(db, header, $0, client: client) }
        case .declaration, .allocation:
            // Not a care message: never reaches here (`receive` has no retour for it).
            return [[.technischeAfwijzing]]
        }
    }

    /// TR381 (S329): the product's code is not in the gemeente's list for its category.
    private func misfit(_ categorie: String?, _ code: String?, _ header: MessageHeader) -> [RetourCode]? {
        let codes = productCodes.codes(categorie: categorie, code: code, gemeente: header.ontvanger)
        return codes.isEmpty ? nil : codes
    }

    private func key(_ header: MessageHeader, _ toewijzing: String) -> CareStore.Key {
        CareStore.Key(aanbieder: header.afzender, gemeente: header.ontvanger, toewijzingNummer: toewijzing)
    }

    /// TR019 (9019): where the gemeente's allocations come to Plafond, a start or stop
    /// must relate to an allocation of this client.
    private func unlinked(_ db: Database, _ header: MessageHeader, _ toewijzing: String, bsn: String) throws -> Bool {
        guard allocationGemeenten.contains(header.ontvanger) else { return false }
        let allocation = try AllocationStore.find(
            db, gemeente: header.ontvanger, aanbieder: header.afzender, toewijzingNummer: toewijzing)
        return allocation?.bsn != bsn
    }

    /// TR074 (same key again), TR326 (a current start not yet stopped), TR063 (withdrawing
    /// what was never sent), TR071 (withdrawing a start that has a stop). After a stop,
    /// temporary or final, a new start is allowed (OP379).
    private func start(_ db: Database, _ header: MessageHeader, _ product: CareStart, bsn: String, client: String)
        throws -> [RetourCode]
    {
        if try unlinked(db, header, product.toewijzingNummer, bsn: bsn) { return [.nietTeKoppelen] }
        if let misfit = misfit(product.productCategorie, product.productCode, header) { return misfit }
        let key = key(header, product.toewijzingNummer)
        let existing = try CareStore.start(db, key, begindatum: product.begindatum)
        switch product.status {
        case .eersteAanlevering:
            if existing != nil { return [.sleutelAlOntvangen] }
            if try CareStore.hasOpenStart(db, key) { return [.startNogNietGestopt] }
            try CareStore.insertStart(db, key, product, client: client)
        case .verwijderen:
            guard let existing else { return [.geenEerderBericht] }
            if existing.isStopped { return [.startAlGestopt] }
            try CareStore.deleteStart(db, id: existing.id)
        }
        let event = CareStarted(
            gemeente: header.ontvanger, aanbieder: header.afzender, client: client,
            toewijzingNummer: product.toewijzingNummer, productCategorie: product.productCategorie,
            productCode: product.productCode, begindatum: product.begindatum,
            withdrawn: product.status == .verwijderen)
        try Outbox.append(db, event, at: now)
        return []
    }

    /// TR382 (no current start with the stop's key), TR074 (the same stop again), TR415
    /// (after a final stop), TR413 (a second temporary stop), TR414 (ending before the
    /// current stop), TR063 (withdrawing a stop that was never sent). A final stop may
    /// follow a temporary one without a new start (OP377, OP378).
    private func stop(_ db: Database, _ header: MessageHeader, _ product: CareStop, bsn: String, client: String)
        throws -> [RetourCode]
    {
        if try unlinked(db, header, product.toewijzingNummer, bsn: bsn) { return [.nietTeKoppelen] }
        if let misfit = misfit(product.productCategorie, product.productCode, header) { return misfit }
        let existing = try CareStore.start(db, key(header, product.toewijzingNummer), begindatum: product.begindatum)
        switch product.status {
        case .eersteAanlevering:
            guard let existing else { return [.geenActueleStart] }
            if let einddatum = existing.einddatum {
                if einddatum == product.einddatum && existing.redenBeeindiging == product.redenBeeindiging {
                    return [.sleutelAlOntvangen]
                }
                if existing.isFinallyStopped { return [.definitieveStopBestaat] }
                if product.isTemporary { return [.tijdelijkeStopNaTijdelijkeStop] }
                if product.einddatum < einddatum { return [.einddatumVoorActueleStop] }
            }
            try CareStore.setStop(db, id: existing.id, einddatum: product.einddatum, reden: product.redenBeeindiging)
        case .verwijderen:
            guard let existing, existing.isStopped else { return [.geenEerderBericht] }
            try CareStore.setStop(db, id: existing.id, einddatum: nil, reden: nil)
        }
        let event = CareStopped(
            gemeente: header.ontvanger, aanbieder: header.afzender, client: client,
            toewijzingNummer: product.toewijzingNummer, begindatum: product.begindatum, einddatum: product.einddatum,
            redenBeeindiging: product.redenBeeindiging, withdrawn: product.status == .verwijderen,
            productCategorie: product.productCategorie)
        try Outbox.append(db, event, at: now)
        return []
    }

    /// TR347 (9347): a ReferentieAanbieder is the provider's once.
    private func request(_ db: Database, _ header: MessageHeader, _ product: RequestedProduct, client: String) throws
        -> [RetourCode]
    {
        if let misfit = misfit(product.productCategorie, product.productCode, header) { return misfit }
        guard
            try CareStore.insertReferral(
                db, aanbieder: header.afzender, gemeente: header.ontvanger, product, client: client)
        else { return [.referentieAanbiederNietUniek] }
        let event = ReferralRequested(
            gemeente: header.ontvanger, aanbieder: header.afzender, client: client,
            referentieAanbieder: product.referentieAanbieder, productCategorie: product.productCategorie,
            productCode: product.productCode, toewijzingIngangsdatum: product.toewijzingIngangsdatum,
            verwijzerType: product.verwijzerType,
            verwijzerTeam: ReferrerTeam.team(verwijzerType: product.verwijzerType, naam: product.verwijzerNaam))
        try Outbox.append(db, event, at: now)
        return []
    }
}
