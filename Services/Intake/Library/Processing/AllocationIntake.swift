import Contracts
import Domain
import Foundation
import GRDB
import IJW
import Logging
import Storage

/// Receives one JW301 from a gemeente's own system inside the batch transaction: resend
/// detection, checks, the stored allocations, `allocation.recorded` events and the JW302.
///
/// An allocation is accepted or refused whole. Only gemeenten listed in
/// `intake.allocation_gemeenten` send them (their declarations are checked against what
/// they allocated); any other gemeente gets a `PlafondFout` that says so, not an iJw
/// code: the message breaks no rule of the standard.
struct AllocationIntake {
    let pseudonymizer: Pseudonymizer
    let knownGemeenten: Set<String>
    /// TR381: the product code list per gemeente (S329 on a product that does not fit).
    let productCodes: ProductCodeList
    let allocationGemeenten: Set<String>
    let today: Day
    let now: Date
    let logger: Logger

    /// `document` is the message as sent: a refused product's retour echoes its Client
    /// (IV028); it is read for that alone and not kept.
    func receive(_ db: Database, _ message: AllocationMessage, document: Data, contentHash: Data) throws -> Data {
        let header = message.header
        if let stored = try StoredMessage.find(
            db, sender: header.afzender, berichtCode: header.berichtCode, identificatie: header.identificatie)
        {
            if stored.contentHash == contentHash {
                return RetourWriter.restoring(stored.answer, .jw302, document: document)
            }
            return answer(header, [.berichtIdentificatieNietUniek], contentHash)
        }
        if isGemeente(message.gemeente) && !allocationGemeenten.contains(message.gemeente) {
            logger.warning(
                "allocation from a gemeente not set up to send them", metadata: ["gemeente": "\(message.gemeente)"])
            return PlafondFault(
                .toewijzingenNietIngesteld,
                "gemeente \(message.gemeente) is niet ingesteld om toewijzingen te sturen (intake.allocation_gemeenten)"
            ).xml()
        }
        var reply = Data()
        try db.inSavepoint {
            reply = try store(db, message, document: document, contentHash: contentHash)
            return .commit
        }
        return reply
    }

    /// TR378: a code from the CBS list, which intake holds as `intake.gemeenten` (any
    /// four digits when that list is empty).
    private func isGemeente(_ code: String) -> Bool {
        Gemeentecode(code) != nil && (knownGemeenten.isEmpty || knownGemeenten.contains(code))
    }

    /// Why a JW301 is refused in its header alone (0001, S300, 8848); empty otherwise.
    func codes(_ message: AllocationMessage) -> [RetourCode] {
        var codes: [RetourCode] = []
        let problems = AllocationMessageChecks.problems(message)
        if !problems.isEmpty {
            codes.append(.technischeAfwijzing)
            logger.info("allocation breaks a rule of the standard", metadata: ["reasons": "\(problems)"])
        }
        if !isGemeente(message.gemeente) { codes.append(.onbekendeGemeente) }
        if message.header.dagtekening > today { codes.append(.datumInToekomst) }
        return codes
    }

    /// Each ToegewezenProduct's codes, in the message's order: TR381 (S329), TR332 (9332),
    /// 9385, TR379 (9379). All empty: the allocation is taken.
    private func productRefusals(_ db: Database, _ message: AllocationMessage) throws -> [[RetourCode]] {
        let requests = RequestReferences(aanbieder: message.aanbieder, gemeente: message.gemeente)
        let client = pseudonymizer.pseudonym(forBSN: message.bsn)
        return try message.products.map { product in
            var codes = productCodes.codes(
                categorie: product.productCategorie, code: product.productCode, gemeente: message.gemeente)
            if try numberHeldByAnother(db, message, product) { codes.append(.toewijzingNummerNietUniek) }
            if try removesAllocationWithApprovedLines(db, message, product) {
                codes.append(.toewijzingHeeftGoedgekeurdeRegels)
            }
            if let reference = product.referentieAanbieder,
                try requests.isAnotherRequest(db, reference: reference, client: client)
            {
                codes.append(.referentieAanbiederVanAnderVerzoek)
            }
            return codes
        }
    }

    private func store(_ db: Database, _ message: AllocationMessage, document: Data, contentHash: Data) throws -> Data {
        let header = message.header
        let refusal = codes(message)
        if !refusal.isEmpty {
            let reply = answer(header, refusal, contentHash)
            _ = try StoredMessage.insert(
                db, header: header, hash: contentHash, outcome: "rejected", answer: reply, at: now)
            logger.info(
                "allocation refused",
                metadata: ["gemeente": "\(header.afzender)", "codes": "\(refusal.map(\.code))"])
            return reply
        }
        let products = try productRefusals(db, message)
        if products.contains(where: { !$0.isEmpty }) {
            let reply = AnswerBuilding.productRetour(
                .jw302, header, codes: RetourWriter.ClientCodes(products: products), document: document,
                today: today, contentHash: contentHash)
            _ = try StoredMessage.insert(
                db, header: header, hash: contentHash, outcome: "rejected", answer: reply.stored, at: now)
            logger.info(
                "allocation refused",
                metadata: ["gemeente": "\(header.afzender)", "product.codes": "\(products.map { $0.map(\.code) })"])
            return reply.sent
        }
        let reply = answer(header, [], contentHash)
        let messageID = try StoredMessage.insert(
            db, header: header, hash: contentHash, outcome: "received", answer: reply, at: now)
        let client = pseudonymizer.pseudonym(forBSN: message.bsn)
        for product in message.products {
            // IV013: the allocation decided last is the current one, whatever the order of arrival.
            let stored = try AllocationStore.holders(
                db, gemeente: message.gemeente, toewijzingNummer: product.toewijzingNummer)
            if stored.contains(where: { $0.decidedAt > product.decidedAt }) {
                logger.info(
                    "older allocation kept as history only",
                    metadata: ["gemeente": "\(message.gemeente)", "toewijzing": "\(product.toewijzingNummer)"])
                continue
            }
            try AllocationStore.upsert(db, product, message: message, client: client, messageID: messageID)
            let event = AllocationReceived(
                gemeente: message.gemeente, aanbieder: message.aanbieder, client: client,
                toewijzingNummer: product.toewijzingNummer, productCategorie: product.productCategorie,
                productCode: product.productCode, toewijzingsdatum: product.toewijzingsdatum,
                ingangsdatum: product.ingangsdatum, einddatum: product.einddatum,
                redenWijziging: product.redenWijziging, volume: product.omvang?.volume,
                eenheid: product.omvang?.eenheid, frequentie: product.omvang?.frequentie.rawValue,
                budgetCents: product.budget)
            try Outbox.append(db, event, at: now)
        }
        logger.info(
            "allocation received",
            metadata: [
                "message.id": "\(messageID)", "gemeente": "\(header.afzender)", "provider.agb": "\(header.ontvanger)",
                "products": "\(message.products.count)",
            ])
        return reply
    }

    /// TR332 (9332): a ToewijzingNummer is unique within the gemeente, so one already given
    /// to another client or provider is refused, never moved.
    private func numberHeldByAnother(_ db: Database, _ message: AllocationMessage, _ product: AllocatedProduct) throws
        -> Bool
    {
        let holders = try AllocationStore.holders(
            db, gemeente: message.gemeente, toewijzingNummer: product.toewijzingNummer)
        return holders.contains(where: { $0.bsn != message.bsn || $0.aanbieder != message.aanbieder })
    }

    /// 9385: an allocation may be withdrawn (RedenWijziging 13) only while nothing has been
    /// approved under it, net of credits; otherwise the provider's paid care would lose its basis.
    private func removesAllocationWithApprovedLines(
        _ db: Database, _ message: AllocationMessage, _ product: AllocatedProduct
    ) throws -> Bool {
        guard product.isRemoval else { return false }
        let usage = try AllocationStore.usage(
            db, gemeente: message.gemeente, aanbieder: message.aanbieder, toewijzingNummer: product.toewijzingNummer)
        return usage.volume != 0 || usage.minutes != 0 || usage.amountCents != 0
    }

    private func answer(_ header: MessageHeader, _ codes: [RetourCode], _ contentHash: Data) -> Data {
        AnswerBuilding.retour(.jw302, header, codes: codes, today: today, contentHash: contentHash)
    }
}
