import Contracts
import Domain
import Foundation
import GRDB
import IJW
import Logging
import Storage

/// Receives one JW323 inside the batch transaction: resend detection, all checks, the
/// inserts, the events, and the stored answer. Runs in a savepoint of its own.
struct DeclarationIntake {
    let pseudonymizer: Pseudonymizer
    let knownGemeenten: Set<String>
    /// Gemeenten whose allocations come to Plafond: their lines are checked against them.
    let allocationGemeenten: Set<String>
    /// Contract tariffs (0611); empty when the operator keeps no tariff file.
    let tariffs: ContractTariffs
    let today: Day
    let now: Date
    let logger: Logger

    func receive(_ db: Database, _ declaration: Declaration, contentHash: Data) throws -> Data {
        let header = declaration.header
        if let stored = try StoredMessage.find(db, sender: header.afzender, identificatie: header.identificatie) {
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

    private func store(_ db: Database, _ declaration: Declaration, contentHash: Data) throws -> Data {
        let header = declaration.header
        let checks = DeclarationChecks.check(declaration, today: today)
        var messageCodes = checks.messageCodes
        if !knownGemeenten.isEmpty && !knownGemeenten.contains(header.ontvanger) {
            messageCodes.append(.onbekendeGemeente)
        }
        if try StoredMessage.declarationNumberUsed(db, aanbieder: header.afzender, nummer: declaration.declaratieNummer)
        {
            messageCodes.append(.declaratieNummerNietUniek)
        }
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

        var lineCodes: [LinePosition: [RetourCode]] = [:]
        for (client, lines) in declaration.clients.enumerated() {
            for index in lines.lines.indices {
                let codes =
                    checks.codes(client: client, line: index)
                    + tariffs.codes(lines.lines[index], gemeente: header.ontvanger)
                if !codes.isEmpty { lineCodes[LinePosition(client: client, line: index)] = codes }
            }
        }
        let plan = try LineHistoryChecks(aanbieder: header.afzender)
            .run(db, declaration, alreadyRejected: Set(lineCodes.keys))
        lineCodes.merge(plan.codes) { $0 + $1 }
        if allocationGemeenten.contains(header.ontvanger) {
            let allocationCodes = try AllocationLineChecks(gemeente: header.ontvanger, aanbieder: header.afzender)
                .run(db, declaration, alreadyRejected: Set(lineCodes.keys))
            lineCodes.merge(allocationCodes) { $0 + $1 }
        }

        let messageID = try StoredMessage.insert(
            db, header: header, hash: contentHash, outcome: "received", answer: Data(), at: now)
        let granted = try LineStore(pseudonymizer: pseudonymizer, today: today, now: now)
            .insertApproved(db, declaration, messageID: messageID, rejected: lineCodes, credits: plan.creditedDebits)
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
