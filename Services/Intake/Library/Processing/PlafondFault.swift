import Domain
import Foundation

/// The small XML answer for input that is no iJw message at all, or that intake could
/// not store. Documented in the README ("Answers that are not iJw").
///
/// `<PlafondFout xmlns="urn:plafond:fout:1"><Code>…</Code><Omschrijving>…</Omschrijving></PlafondFout>`
public struct PlafondFault: Sendable, Equatable {
    public enum Code: String, Sendable {
        /// Not XML, not an iJw message we take, or a forbidden construct (DTD, too deep, too big).
        case geenIJW = "GEEN_IJW"
        /// The message was understood but could not be stored; nothing was approved. Resend later.
        case opslagMislukt = "OPSLAG_MISLUKT"
        /// The sender's authenticated key does not belong to the Afzender in the message.
        case afzenderOnjuist = "AFZENDER_ONJUIST"
        /// A JW301 from a gemeente that is not set up to send allocations to Plafond
        /// (`intake.allocation_gemeenten`): nothing was stored.
        case toewijzingenNietIngesteld = "TOEWIJZINGEN_NIET_INGESTELD"
    }

    public var code: Code
    public var omschrijving: String

    public init(_ code: Code, _ omschrijving: String) {
        self.code = code
        self.omschrijving = omschrijving
    }

    public func xml() -> Data {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <PlafondFout xmlns="urn:plafond:fout:1"><Code>\(code.rawValue)</Code>\
            <Omschrijving>\(Markup.escape(omschrijving))</Omschrijving></PlafondFout>

            """
        return Data(text.utf8)
    }
}
