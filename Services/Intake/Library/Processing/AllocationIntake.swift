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

    func receive(_ db: Database, _ message: AllocationMessage, contentHash: Data) throws -> Data {
        let header = message.header
        if let stored = try StoredMessage.find(
            db, sender: header.afzender, berichtCode: header.berichtCode, identificatie: header.identificatie)
        {
            if stored.contentHash == contentHash { return stored.answer }
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
            reply = try store(db, message, contentHash: contentHash)
            return .commit
        }
        return reply
    }

    /// TR378: a code from the CBS list, which intake holds as `intake.gemeenten` (any
    /// four digits when that list is empty).
    private func isGemeente(_ code: String) -> Bool {
        Gemeentecode(code) != nil && (knownGemeenten.isEmpty || knownGemeenten.contains(code))
    }

    /// Why a JW301 is refused as a whole, header only; empty when it is accepted.
    func codes(_ message: AllocationMessage) -> [RetourCode] {
        var codes: [RetourCode] = []
        let problems = AllocationMessageChecks.problems(message)
        if !problems.isEmpty {
            codes.append(.technischeAfwijzing)
            logger.info("allocation breaks a rule of the standard", metadata: ["reasons": "\(problems)"])
        }
        if !isGemeente(message.gemeente) { codes.append(.onbekendeGemeente) }
        if message.header.dagtekening > today { codes.append(.datumInToekomst) }
        for product in message.products {
            for code in productCodes.codes(
                categorie: product.productCategorie, code: product.productCode, gemeente: message.gemeente)
            where !codes.contains(code) {
                codes.append(code)
            }
        }
        return codes
    }

    private func store(_ db: Database, _ message: AllocationMessage, contentHash: Data) throws -> Data {
        let header = message.header
        var refusal = codes(message)
        if refusal.isEmpty {
            refusal += try numberHeldByAnother(db, message)
            if try removesAllocationWithApprovedLines(db, message) {
                refusal.append(.toewijzingHeeftGoedgekeurdeRegels)
            }
        }
        if !refusal.isEmpty {
            let reply = answer(header, refusal, contentHash)
            _ = try StoredMessage.insert(
                db, header: header, hash: contentHash, outcome: "rejected", answer: reply, at: now)
            logger.info(
                "allocation refused",
                metadata: ["gemeente": "\(header.afzender)", "codes": "\(refusal.map(\.code))"])
            return reply
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
            try Outbox.append(db, kind: AllocationReceived.kind.rawValue, body: try event.encoded(), at: now)
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
    private func numberHeldByAnother(_ db: Database, _ message: AllocationMessage) throws -> [RetourCode] {
        for product in message.products {
            let holders = try AllocationStore.holders(
                db, gemeente: message.gemeente, toewijzingNummer: product.toewijzingNummer)
            if holders.contains(where: { $0.bsn != message.bsn || $0.aanbieder != message.aanbieder }) {
                return [.toewijzingNummerNietUniek]
            }
        }
        return []
    }

    /// 9385: an allocation may be withdrawn (RedenWijziging 13) only while nothing has been
    /// approved under it, net of credits; otherwise the provider's paid care would lose its basis.
    private func removesAllocationWithApprovedLines(_ db: Database, _ message: AllocationMessage) throws -> Bool {
        for product in message.products where product.isRemoval {
            let usage = try AllocationStore.usage(
                db, gemeente: message.gemeente, aanbieder: message.aanbieder,
                toewijzingNummer: product.toewijzingNummer)
            if usage.volume != 0 || usage.minutes != 0 || usage.amountCents != 0 { return true }
        }
        return false
    }

    private func answer(_ header: MessageHeader, _ codes: [RetourCode], _ contentHash: Data) -> Data {
        AnswerBuilding.retour(.jw302, header, codes: codes, today: today, contentHash: contentHash)
    }
}
