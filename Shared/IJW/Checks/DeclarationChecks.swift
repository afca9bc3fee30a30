import Domain

/// The result of the stateless checks: codes that reject the whole message, and codes
/// per line (by client and line position).
public struct DeclarationCheckResult: Sendable, Equatable {
    public var messageCodes: [RetourCode] = []
    public var lineCodes: [LinePosition: [RetourCode]] = [:]
    /// Why the message was rejected, in Dutch, for the log.
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
/// Structural and conditional rules (iJw levels 1 and 2: message code and version, BSN
/// 11-test, a whole-month DeclaratiePeriode, a ProductPeriode inside one month, tariff
/// present exactly when the unit is not euro's, the declared total) reject the whole
/// message with 0001, as the standard does for a message that does not meet its own
/// rules. Content rules (levels 3 and 4) reject single lines with their own codes.
public enum DeclarationChecks {
    public static func check(_ declaration: Declaration, today: Day) -> DeclarationCheckResult {
        var result = DeclarationCheckResult()
        func reject(_ reason: String) {
            if !result.messageCodes.contains(.technischeAfwijzing) { result.messageCodes.append(.technischeAfwijzing) }
            result.reasons.append(reason)
        }
        let header = declaration.header
        if header.berichtCode != "490" || header.berichtVersie != "3" || header.berichtSubversie != "2" {
            reject("BerichtCode/versie is niet 490 versie 3.2")
        }
        if AGB(header.afzender) == nil { reject("Afzender is geen AGB-code") }
        if Gemeentecode(header.ontvanger) == nil { reject("Ontvanger is geen gemeentecode") }
        if !declaration.declaratiePeriode.isWholeMonth { reject("DeclaratiePeriode is geen hele kalendermaand") }
        if header.dagtekening > today || declaration.dagtekening > today {
            result.messageCodes.append(.datumInToekomst)
            result.reasons.append("dagtekening ligt in de toekomst")
        }
        if declaration.declaratiePeriode.start > today {
            if !result.messageCodes.contains(.datumInToekomst) { result.messageCodes.append(.datumInToekomst) }
            result.reasons.append("DeclaratiePeriode ligt in de toekomst")
        }
        var net: Int64 = 0
        for (c, client) in declaration.clients.enumerated() {
            if !BSN.isValid(client.bsn) { reject("Bsn van cliënt \(c + 1) voldoet niet aan de elfproef") }
            for (l, line) in client.lines.enumerated() {
                net += line.signedAmount.cents
                if let reason = structuralProblem(line) { reject("regel \(line.referentieNummer): \(reason)") }
                let codes = lineCodes(line, declaration: declaration, today: today)
                if !codes.isEmpty { result.lineCodes[LinePosition(client: c, line: l)] = codes }
            }
        }
        if net != declaration.signedTotal.cents {
            reject(
                "TotaalIngediendBedrag \(declaration.signedTotal.dutch) is niet debet min credit (\(Money(cents: net).dutch))"
            )
        }
        return result
    }

    static func structuralProblem(_ line: DeclarationLine) -> String? {
        guard let eenheid = Eenheid(rawValue: line.eenheid) else { return "onbekende Eenheid \(line.eenheid)" }
        if ProductCategorie(line.productCategorie) == nil { return "ProductCategorie is geen tweecijferige code" }
        if !line.productPeriode.isInsideOneMonth { return "ProductPeriode valt niet binnen één maand" }
        if eenheid.requiresTariff && line.productTarief == nil { return "ProductTarief ontbreekt" }
        if !eenheid.requiresTariff && line.productTarief != nil { return "ProductTarief hoort niet bij Eenheid 83" }
        return nil
    }

    static func lineCodes(_ line: DeclarationLine, declaration: Declaration, today: Day) -> [RetourCode] {
        var codes: [RetourCode] = []
        if line.productPeriode.start.month > declaration.declaratiePeriode.start.month {
            codes.append(.productPeriodeNietInDeclaratiePeriode)
        }
        if line.productPeriode.end > today { codes.append(.datumInToekomst) }
        if let eenheid = Eenheid(rawValue: line.eenheid) {
            let expected: Int64? =
                eenheid.requiresTariff
                ? line.productTarief.flatMap { tariff in
                    let (product, overflow) = tariff.multipliedReportingOverflow(by: line.geleverdVolume)
                    return overflow ? nil : product
                }
                : line.geleverdVolume
            if let expected, expected != line.ingediendBedrag { codes.append(.bedragOnjuist) }
        }
        return codes
    }
}
