import Domain

/// A JW325: the municipality's answer to a JW323.
///
/// Approved lines are not repeated; only rejected lines come back with their codes. A
/// technical rejection has no body at all (the declaration counts as not received).
public struct DeclarationAnswer: Sendable, Equatable {
    public struct Header: Sendable, Equatable {
        /// The gemeente answering (the JW323's Ontvanger).
        public var afzender: String
        /// The provider (the JW323's Afzender).
        public var ontvanger: String
        public var identificatie: String
        public var dagtekening: Day
        public var declaratieIdentificatie: String
        public var declaratieDagtekening: Day
        public var basisschemaXsdVersie: String
        public var berichtXsdVersie: String
        public var retourCodes: [RetourCode]

        public init(
            afzender: String, ontvanger: String, identificatie: String, dagtekening: Day,
            declaratieIdentificatie: String,
            declaratieDagtekening: Day, basisschemaXsdVersie: String, berichtXsdVersie: String,
            retourCodes: [RetourCode]
        ) {
            self.afzender = afzender
            self.ontvanger = ontvanger
            self.identificatie = identificatie
            self.dagtekening = dagtekening
            self.declaratieIdentificatie = declaratieIdentificatie
            self.declaratieDagtekening = declaratieDagtekening
            self.basisschemaXsdVersie = basisschemaXsdVersie
            self.berichtXsdVersie = berichtXsdVersie
            self.retourCodes = retourCodes
        }
    }

    public struct RejectedLine: Sendable, Equatable {
        public var line: DeclarationLine
        public var retourCodes: [RetourCode]
        public init(line: DeclarationLine, retourCodes: [RetourCode]) {
            self.line = line
            self.retourCodes = retourCodes
        }
    }

    public struct Client: Sendable, Equatable {
        public var bsn: String
        public var lines: [RejectedLine]
        public var retourCodes: [RetourCode]
        public init(bsn: String, lines: [RejectedLine], retourCodes: [RetourCode] = [.geenOpmerking]) {
            self.bsn = bsn
            self.lines = lines
            self.retourCodes = retourCodes
        }
    }

    public struct Body: Sendable, Equatable {
        public var declaratieNummer: String
        /// Signed amounts (credits negative); written as a magnitude with D or C.
        public var totaalIngediend: Money
        public var totaalToegekend: Money
        public var clients: [Client]
        public var retourCodes: [RetourCode]

        public init(
            declaratieNummer: String, totaalIngediend: Money, totaalToegekend: Money, clients: [Client],
            retourCodes: [RetourCode]
        ) {
            self.declaratieNummer = declaratieNummer
            self.totaalIngediend = totaalIngediend
            self.totaalToegekend = totaalToegekend
            self.clients = clients
            self.retourCodes = retourCodes
        }
    }

    public var header: Header
    public var body: Body?

    public init(header: Header, body: Body?) {
        self.header = header
        self.body = body
    }
}
