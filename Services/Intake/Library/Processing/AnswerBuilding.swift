import Domain
import Foundation
import IJW

/// Builds JW325 answers from what intake decided.
enum AnswerBuilding {
    /// Our answer's BerichtIdentificatie (at most 12 characters): derived from the
    /// message's content hash, so it is stable for a resend and unique in practice.
    static func identificatie(_ contentHash: Data) -> String {
        "A" + contentHash.prefix(6).map { String(format: "%02x", $0) }.joined().prefix(11)
    }

    static func header(_ header: MessageHeader, codes: [RetourCode], today: Day, contentHash: Data)
        -> DeclarationAnswer.Header
    {
        DeclarationAnswer.Header(
            afzender: header.ontvanger, ontvanger: header.afzender, identificatie: identificatie(contentHash),
            dagtekening: today, declaratieIdentificatie: header.identificatie,
            declaratieDagtekening: header.dagtekening,
            basisschemaXsdVersie: header.basisschemaXsdVersie, berichtXsdVersie: header.berichtXsdVersie,
            retourCodes: codes)
    }

    /// Header only: the declaration counts as not received.
    static func technicalRejection(_ header: MessageHeader, codes: [RetourCode], today: Day, contentHash: Data) -> Data
    {
        JW325Writer.write(
            DeclarationAnswer(
                header: self.header(header, codes: codes, today: today, contentHash: contentHash), body: nil))
    }

    /// IV087 for a fault in the Declaratie class itself (TR333, a DeclaratieNummer used
    /// before): Header 0200, the DeclaratieAntwoord with the rule's code and nothing
    /// granted. The declaration counts as not received.
    static func declarationRefused(
        _ declaration: Declaration, codes: [RetourCode], today: Day, contentHash: Data
    ) -> Data {
        let body = DeclarationAnswer.Body(
            declaratieNummer: declaration.declaratieNummer, totaalIngediend: declaration.signedTotal,
            totaalToegekend: Money(cents: 0), clients: [], retourCodes: codes)
        return JW325Writer.write(
            DeclarationAnswer(
                header: header(declaration.header, codes: [.geenOpmerking], today: today, contentHash: contentHash),
                body: body))
    }

    /// The answer to a received declaration: only rejected lines, with their codes; 8001
    /// when everything was granted. Returned amounts add up to submitted − granted.
    static func answer(
        _ declaration: Declaration, rejected: [LinePosition: [RetourCode]], grantedNetCents: Int64, today: Day,
        contentHash: Data
    ) -> Data {
        var clients: [DeclarationAnswer.Client] = []
        for (c, client) in declaration.clients.enumerated() {
            let lines = client.lines.enumerated().compactMap { l, line -> DeclarationAnswer.RejectedLine? in
                guard let codes = rejected[LinePosition(client: c, line: l)] else { return nil }
                return DeclarationAnswer.RejectedLine(line: line, retourCodes: codes)
            }
            if !lines.isEmpty { clients.append(DeclarationAnswer.Client(bsn: client.bsn, lines: lines)) }
        }
        let body = DeclarationAnswer.Body(
            declaratieNummer: declaration.declaratieNummer, totaalIngediend: declaration.signedTotal,
            totaalToegekend: Money(cents: grantedNetCents), clients: clients,
            retourCodes: clients.isEmpty ? [.volledigToegekend] : [.geenOpmerking])
        return JW325Writer.write(
            DeclarationAnswer(
                header: header(declaration.header, codes: [.geenOpmerking], today: today, contentHash: contentHash),
                body: body))
    }

    /// IV028's product-level retour: Header 0200, the Client of `document` echoed with
    /// each class's codes. Returns the answer to send and the form to store, which holds
    /// the codes but not the Client (no names or birth dates in intake's store); an
    /// identical resend is answered with `RetourWriter.restoring`, byte for byte the same.
    static func productRetour(
        _ message: RetourWriter.Message, _ header: MessageHeader, codes: RetourWriter.ClientCodes, document: Data,
        today: Day, contentHash: Data
    ) -> (sent: Data, stored: Data) {
        let stored = RetourWriter.storedForm(
            message,
            RetourWriter.Answer(
                original: header, identificatieRetour: identificatie(contentHash), dagtekeningRetour: today,
                retourCodes: [.geenOpmerking], client: codes))
        return (RetourWriter.restoring(stored, message, document: document), stored)
    }

    /// The header-form retour (JW302, JW306, JW308, JW316) answering a whole message.
    static func retour(
        _ message: RetourWriter.Message, _ header: MessageHeader, codes: [RetourCode], today: Day, contentHash: Data
    ) -> Data {
        RetourWriter.write(
            message,
            RetourWriter.Answer(
                original: header, identificatieRetour: identificatie(contentHash), dagtekeningRetour: today,
                retourCodes: codes))
    }
}
