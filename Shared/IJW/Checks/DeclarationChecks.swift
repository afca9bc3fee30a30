import Domain

/// The result of the stateless checks: codes that reject the whole message, and codes
/// per line (by client and line position).
public struct DeclarationCheckResult: Sendable, Equatable {
    public var messageCodes: [RetourCode] = []
    public var lineCodes: [LinePosition: [RetourCode]] = [:]
    /// Why the message was rejected, in Dutch and led by the rule's code, for the log.
    public var reasons: [String] = []

    public func codes(client: Int, line: Int) -> [RetourCode] {
        lineCodes[LinePosition(client: client, line: line)] ?? []
    }
}

public struct LinePosition: Hashable, Sendable {
    public var client: Int
    public var line: Int
    public init(client: Int, line: Int) {
        self.client = client
        self.line = line
    }
}

/// The checks that need nothing but the message and today's date.
///
/// The rule table's "bericht inhoud (xslt)" rules (CS, CD and the TRs checked inside one
/// message) refuse the whole message with 0001, header only; TR135 (a Dagtekening after
/// the system date) is 8848 on the header. Line rules that need no store (TR319, TR346)
/// reject single lines with their own codes.
public enum DeclarationChecks {
    /// CS100: no period in iJw 3.2 begins before 1 January 2021.
    static let earliestDay = Day(year: 2021, month: 1, day: 1)!

    public static func check(_ declaration: Declaration, today: Day) -> DeclarationCheckResult {
        var result = DeclarationCheckResult()
        func reject(_ reason: String) {
            if !result.messageCodes.contains(.technischeAfwijzing) { result.messageCodes.append(.technischeAfwijzing) }
            result.reasons.append(reason)
        }
        let header = declaration.header
        if header.dagtekening > today {
            result.messageCodes.append(.datumInToekomst)
            result.reasons.append("TR135: Dagtekening ligt na de systeemdatum")
        }
        if header.berichtCode != "490" || header.berichtVersie != "3" || header.berichtSubversie != "2" {
            reject("CS015/CS025: BerichtCode/versie is niet 490 versie 3.2")
        }
        if AGB(header.afzender) == nil { reject("Afzender is geen AGB-code") }
        if Gemeentecode(header.ontvanger) == nil { reject("Ontvanger is geen gemeentecode") }
        for reason in periodProblems(declaration) { reject(reason) }
        if declaration.totaalIngediendBedrag == 0 && declaration.totaalDebetCredit == .credit {
            reject("CS325: TotaalBedrag 0 hoort Debet te zijn")
        }
        var inMessage = InMessageUniqueness(capacity: declaration.clients.count * 4)
        var net: Int64 = 0
        for (c, client) in declaration.clients.enumerated() {
            if !BSN.isValid(client.bsn) { reject("CS002: Bsn van cliënt \(c + 1) voldoet niet aan de elfproef") }
            if let reason = inMessage.client(client.bsn) { reject(reason) }
            for (l, line) in client.lines.enumerated() {
                net += line.signedAmount.cents
                if let reason = lineProblem(line, declaration: declaration) {
                    reject("regel \(line.referentieNummer): \(reason)")
                }
                for reason in inMessage.line(line, bsn: client.bsn) { reject(reason) }
                let codes = lineCodes(line, declaration: declaration)
                if !codes.isEmpty { result.lineCodes[LinePosition(client: c, line: l)] = codes }
            }
        }
        for reason in inMessage.creditsOfDebitsInThisMessage() { reject(reason) }
        if net != declaration.signedTotal.cents {
            reject(
                "TR358: TotaalIngediendBedrag \(declaration.signedTotal.dutch) is niet debet min credit (\(Money(cents: net).dutch))"
            )
        }
        return result
    }

    /// CS340, CS100, TR134, TR137 on the DeclaratiePeriode.
    static func periodProblems(_ declaration: Declaration) -> [String] {
        let periode = declaration.declaratiePeriode
        let dagtekening = declaration.header.dagtekening
        var problems: [String] = []
        if !periode.isWholeMonth { problems.append("CS340: DeclaratiePeriode is geen hele kalendermaand") }
        if periode.start < earliestDay { problems.append("CS100: DeclaratiePeriode begint vóór 2021") }
        if periode.start > dagtekening || periode.end > dagtekening {
            problems.append("TR134/TR137: DeclaratiePeriode eindigt na de Dagtekening van het bericht")
        }
        return problems
    }

    /// The message-level rules of one line: XSD-level values intake reads as text, and
    /// CS337, CD087, CS339, CS325, CD060, CS100, TR134/TR137 and TR335.
    static func lineProblem(_ line: DeclarationLine, declaration: Declaration) -> String? {
        guard let eenheid = Eenheid(rawValue: line.eenheid) else { return "onbekende Eenheid \(line.eenheid)" }
        if ProductCategorie(line.productCategorie) == nil { return "ProductCategorie is geen tweecijferige code" }
        let periode = line.productPeriode
        if !periode.isInsideOneMonth { return "CS337: ProductPeriode valt niet binnen één maand" }
        if eenheid.requiresTariff && line.productTarief == nil { return "CD087: ProductTarief ontbreekt" }
        if !eenheid.requiresTariff && line.productTarief != nil {
            return "CD087: ProductTarief hoort niet bij Eenheid 83"
        }
        if eenheid == .euros && line.ingediendBedrag != line.geleverdVolume {
            return "CS339: bij Eenheid 83 is IngediendBedrag niet gelijk aan GeleverdVolume"
        }
        if line.ingediendBedrag == 0 && line.debetCredit == .credit { return "CS325: Bedrag 0 hoort Debet te zijn" }
        if (line.debetCredit == .credit) != (line.vorigReferentieNummer != nil) {
            return "CD060: VorigReferentieNummer hoort bij een creditprestatie, en alleen daar"
        }
        if periode.start < earliestDay { return "CS100: ProductPeriode begint vóór 2021" }
        if periode.end > declaration.header.dagtekening {
            return "TR134/TR137: ProductPeriode eindigt na de Dagtekening van het bericht"
        }
        if periode.end < fiveYearsBefore(declaration.dagtekening) {
            return "TR335: ProductPeriode eindigt meer dan 5 jaar vóór de DeclaratieDagtekening"
        }
        return nil
    }

    /// The same day five years earlier (29 February becomes 28 February).
    static func fiveYearsBefore(_ day: Day) -> Day {
        Day(year: day.year - 5, month: day.monthNumber, day: day.day)
            ?? Day(year: day.year - 5, month: day.monthNumber, day: day.day - 1) ?? day
    }

    /// TR319 and TR346: the line rules that need no store.
    static func lineCodes(_ line: DeclarationLine, declaration: Declaration) -> [RetourCode] {
        var codes: [RetourCode] = []
        if line.productPeriode.start.month > declaration.declaratiePeriode.start.month {
            codes.append(.productPeriodeNietInDeclaratiePeriode)
        }
        if !amountIsVolumeTimesTariff(line) { codes.append(.bedragOnjuist) }
        return codes
    }

    /// TR346: IngediendBedrag = GeleverdVolume × ProductTarief; for minutes, the hourly
    /// tariff's amount IV081 describes. Eenheid 83 is CS339's (message level), not this.
    static func amountIsVolumeTimesTariff(_ line: DeclarationLine) -> Bool {
        guard let tariff = line.productTarief, let eenheid = Eenheid(rawValue: line.eenheid), eenheid.requiresTariff
        else { return true }
        let (product, overflow) = tariff.multipliedReportingOverflow(by: line.geleverdVolume)
        if !overflow && product == line.ingediendBedrag { return true }
        guard eenheid == .minuut else { return false }
        return MinuteTariff.fits(perMinute: tariff, minutes: line.geleverdVolume, amount: line.ingediendBedrag)
    }
}
