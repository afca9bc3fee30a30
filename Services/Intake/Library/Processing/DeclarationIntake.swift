import Contracts
import Domain
import Foundation
import GRDB
import IJW
import Logging
import Storage

/// Receives one JW323 inside the batch transaction: resend detection, the checks against
/// history, the inserts, the events, and the stored answer. Runs in a savepoint of its
/// own. What needs no store was worked out while reading (`PreparedDeclaration`).
struct DeclarationIntake {
    /// Gemeenten whose allocations come to Plafond: their lines are checked against them.
    let allocationGemeenten: Set<String>
    let today: Day
    let now: Date
    let logger: Logger

    func receive(_ db: Database, _ declaration: PreparedDeclaration, contentHash: Data) throws -> Data {
        let header = declaration.header
        if let stored = try StoredMessage.find(
            db, sender: header.afzender, berichtCode: header.berichtCode, identificatie: header.identificatie)
        {
            if stored.contentHash == contentHash {
                logger.info("identical resend answered from store", metadata: ["message.id": "\(stored.id)"])
                return stored.answer
            }
            logger.warning(
                "message id reused with other content",
                metadata: ["provider.agb": "\(header.afzender)", "message.identificatie": "\(header.identificatie)"])
            return AnswerBuilding.technicalRejection(
                header, codes: [.berichtIdentificatieNietUniek], today: today, contentHash: contentHash)
        }
        var answer = Data()
        try db.inSavepoint {
            answer = try store(db, declaration, contentHash: contentHash)
            return .commit
        }
        return answer
    }

    private func store(_ db: Database, _ prepared: PreparedDeclaration, contentHash: Data) throws -> Data {
        let declaration = prepared.declaration
        let header = declaration.header
        let checks = prepared.checks
        let messageCodes = checks.messageCodes
        if !messageCodes.isEmpty {
            let answer = AnswerBuilding.technicalRejection(
                header, codes: messageCodes, today: today, contentHash: contentHash)
            _ = try StoredMessage.insert(
                db, header: header, hash: contentHash, outcome: "rejected", answer: answer, at: now)
            logger.info(
                "declaration rejected whole",
                metadata: [
                    "provider.agb": "\(header.afzender)", "codes": "\(messageCodes.map(\.code))",
                    "reasons": "\(checks.reasons.joined(separator: "; "))",
                ])
            return answer
        }
        // IV087: a fault in the Declaratie class itself (TR333, TR318) refuses the whole
        // declaration with the rule's code on the DeclaratieAntwoord; it counts as not sent.
        var refusal: [RetourCode] = []
        if try StoredMessage.declarationNumberUsed(db, aanbieder: header.afzender, nummer: declaration.declaratieNummer)
        {
            refusal.append(.declaratieNummerNietUniek)
        }
        if try DeclarationSequence(aanbieder: header.afzender, gemeente: header.ontvanger).isBehind(db, declaration) {
            refusal.append(.declaratiePeriodeNietAansluitend)
        }
        if !refusal.isEmpty {
            let answer = AnswerBuilding.declarationRefused(
                declaration, codes: refusal, today: today, contentHash: contentHash)
            _ = try StoredMessage.insert(
                db, header: header, hash: contentHash, outcome: "rejected", answer: answer, at: now)
            logger.info(
                "declaration refused whole",
                metadata: ["provider.agb": "\(header.afzender)", "codes": "\(refusal.map(\.code))"])
            return answer
        }

        var lineCodes = prepared.lineCodes
        let plan = try LineHistoryChecks(aanbieder: header.afzender, gemeente: header.ontvanger)
            .run(db, prepared, alreadyRejected: Set(lineCodes.keys))
        lineCodes.merge(plan.codes) { $0 + $1 }
        if allocationGemeenten.contains(header.ontvanger) {
            let allocationCodes = try AllocationLineChecks(gemeente: header.ontvanger, aanbieder: header.afzender)
                .run(db, declaration, alreadyRejected: Set(lineCodes.keys))
            lineCodes.merge(allocationCodes) { $0 + $1 }
        }

        let messageID = try StoredMessage.insert(
            db, header: header, hash: contentHash, outcome: "received", answer: Data(), at: now)
        let granted = try LineStore(now: now)
            .insertApproved(db, prepared, messageID: messageID, rejected: lineCodes, credits: plan.creditedDebits)
        let answer = AnswerBuilding.answer(
            declaration, rejected: lineCodes, grantedNetCents: granted, today: today, contentHash: contentHash)
        try StoredMessage.setAnswer(db, messageID: messageID, answer: answer)
        logger.info(
            "declaration received",
            metadata: [
                "message.id": "\(messageID)", "provider.agb": "\(header.afzender)",
                "lines.rejected": "\(lineCodes.count)",
            ])
        return answer
    }
}
