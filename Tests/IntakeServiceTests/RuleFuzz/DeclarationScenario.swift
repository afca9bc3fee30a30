import Domain
import Fixtures
import IJW

/// Random valid JW323s (several clients, debits, credits of earlier lines, corrections)
/// and random single-rule breaks, each with the answer the rule table predicts.
struct DeclarationScenario {
    /// The rules a message may break, one at a time, with the answer each gets.
    enum Break: CaseIterable {
        case amountNotVolumeTimesTariff  // TR346: 9346 on the line
        case productPeriodAfterDeclarationPeriod  // TR319: 9319 on the line
        case referenceUsedBefore  // TR314: 8021 on the line
        case creditWithoutDebit  // TR323: 8017 on the line
        case creditedTwice  // TR390: 9390 on the line
        case secondDebit  // TR389: 9389 on the line
        case eurosAmountNotVolume  // CS339: 0001
        case previousReferenceTwice  // TR315: 0001
        case debitCreditedInSameMessage  // TR316: 0001
        case twoDebitsSameKey  // TR416: 0001
        case debitWithPreviousReference  // CD060: 0001
        case periodEndsAfterDagtekening  // TR137: 0001
        case zeroAmountCredit  // CS325: 0001
        case periodBefore2021  // CS100: 0001
        case periodEndsFiveYearsBeforeDeclaration  // TR335: 0001
        case productPeriodOverTwoMonths  // CS337: 0001
        case sameLineTwice  // TR101: 0001
        case tariffMissing  // CD087: 0001
        case totalNotDebitsMinusCredits  // TR358: 0001
        case declarationPeriodNotAWholeMonth  // CS340: 0001
        case dagtekeningAfterSystemDate  // TR135: 8848
        case declarationNumberUsedBefore  // TR333: 9333 in the DeclaratieAntwoord
        case periodBeforeLatest  // TR318: 8214 in the DeclaratieAntwoord
    }

    static let today = Day(iso: "2026-05-10")!
    static let declarationMonth = Month(year: 2026, month: 3)!
    static let bsns = ["999900006", "999900018", "111222333", "123456782"]

    var oracle = DeclarationOracle()
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// A fresh debit for a client: its own allocation, so it is no second debit.
    mutating func debit(month: Month? = nil) -> DeclarationLine {
        let n = oracle.fresh()
        let volume = Int64.random(in: 1...20, using: &random)
        let tariff = Int64.random(in: 500...9_000, using: &random)
        let months = [Month(year: 2026, month: 1)!, Month(year: 2026, month: 2)!, Self.declarationMonth]
        return DeclarationLine(
            referentieNummer: "F\(n)", vorigReferentieNummer: nil, toewijzingNummer: String(100_000 + n),
            productCategorie: "45", productCode: "45A03",
            productPeriode: .month(month ?? months.randomElement(using: &random)!),
            geleverdVolume: volume, eenheid: "04", productTarief: tariff, ingediendBedrag: volume * tariff,
            debetCredit: .debet)
    }

    /// A credit of an approved debit, with a fresh reference.
    mutating func credit(of debit: DeclarationLine) -> DeclarationLine {
        var line = debit
        line.referentieNummer = "F\(oracle.fresh())"
        line.vorigReferentieNummer = debit.referentieNummer
        line.debetCredit = .credit
        return line
    }

    /// The next message and its predicted answer; `breaking` nil for a valid one.
    mutating func next(breaking: Break?) -> (Declaration, DeclarationOracle.Prediction) {
        var lines: [(bsn: String, line: DeclarationLine)] = []
        let bsnCount = Int.random(in: 1...Self.bsns.count, using: &random)
        let clients = Array(Self.bsns.shuffled(using: &random).prefix(bsnCount))
        for bsn in clients {
            for _ in 0..<Int.random(in: 1...3, using: &random) { lines.append((bsn, debit())) }
        }
        // Credits of earlier approved lines, some declared again (a correction).
        for old in oracle.openDebits.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)) {
            lines.append((old.bsn, credit(of: old.line)))
            if Bool.random(using: &random) {
                var again = old.line
                again.referentieNummer = "F\(oracle.fresh())"
                again.geleverdVolume = max(1, again.geleverdVolume - 1)
                again.ingediendBedrag = again.geleverdVolume * (again.productTarief ?? 0)
                lines.append((old.bsn, again))
            }
        }
        var dagtekening = Self.today
        var number = "DN\(oracle.fresh())"
        var prediction = DeclarationOracle.Prediction.allGranted
        if let breaking {
            let applied = apply(breaking, to: &lines, dagtekening: &dagtekening, number: &number)
            guard let applied else { return next(breaking: nil) }
            prediction = applied
        }
        let envelopeBreak =
            breaking == .totalNotDebitsMinusCredits || breaking == .declarationPeriodNotAWholeMonth
            || breaking == .periodBeforeLatest
        var byClient: [String: [DeclarationLine]] = [:]
        var order: [String] = []
        for (bsn, line) in lines {
            if byClient[bsn] == nil { order.append(bsn) }
            byClient[bsn, default: []].append(line)
        }
        var declaration = Declaration.balanced(
            afzender: "12345678", ontvanger: "0209", identificatie: "M\(oracle.fresh())", dagtekening: dagtekening,
            declaratieNummer: number, periode: Self.declarationMonth,
            clients: order.map { DeclaredClient(bsn: $0, lines: byClient[$0]!) })
        if envelopeBreak {
            if breaking == .totalNotDebitsMinusCredits { declaration.totaalIngediendBedrag += 1 }
            if breaking == .declarationPeriodNotAWholeMonth {
                let month = Self.declarationMonth
                declaration.declaratiePeriode = Period(start: month.firstDay.adding(days: 1), end: month.lastDay)!
            }
            if breaking == .periodBeforeLatest {
                declaration.declaratiePeriode = .month(Self.declarationMonth.previous)
            }
        }
        oracle.apply(declaration, prediction)
        return (declaration, prediction)
    }

    /// Changes the message to break one rule; nil when the history does not allow it yet
    /// (nothing to credit, no declaration number to reuse).
    private mutating func apply(
        _ rule: Break, to lines: inout [(bsn: String, line: DeclarationLine)], dagtekening: inout Day,
        number: inout String
    ) -> DeclarationOracle.Prediction? {
        let bsn = lines[0].bsn
        func refused(_ line: DeclarationLine, _ code: String) -> DeclarationOracle.Prediction {
            lines.append((bsn, line))
            return .lineRefused(reference: line.referentieNummer, codes: [code])
        }
        switch rule {
        case .amountNotVolumeTimesTariff:
            var line = debit()
            line.ingediendBedrag += 1
            return refused(line, "9346")
        case .productPeriodAfterDeclarationPeriod:
            return refused(debit(month: Self.declarationMonth.next), "9319")
        case .referenceUsedBefore:
            guard let used = oracle.usedReferences.sorted().randomElement(using: &random) else { return nil }
            var line = debit()
            line.referentieNummer = used
            return refused(line, "8021")
        case .creditWithoutDebit:
            var line = credit(of: debit())
            line.vorigReferentieNummer = "NOPE\(oracle.fresh())"
            return refused(line, "8017")
        case .creditedTwice:
            guard let done = oracle.creditedDebits.randomElement(using: &random) else { return nil }
            lines.append((done.bsn, credit(of: done.line)))
            return .lineRefused(reference: lines.last!.line.referentieNummer, codes: ["9390"])
        case .secondDebit:
            let credited = Set(lines.compactMap { $0.line.vorigReferentieNummer })
            guard let open = oracle.openDebits.first(where: { !credited.contains($0.line.referentieNummer) }) else {
                return nil
            }
            var line = open.line
            line.referentieNummer = "F\(oracle.fresh())"
            lines.append((open.bsn, line))
            return .lineRefused(reference: line.referentieNummer, codes: ["9389"])
        case .eurosAmountNotVolume:
            var line = debit()
            line.eenheid = "83"
            line.productTarief = nil
            line.ingediendBedrag = line.geleverdVolume + 1
            lines.append((bsn, line))
            return .headerOnly(["0001"])
        case .previousReferenceTwice:
            var first = credit(of: debit())
            first.vorigReferentieNummer = "TWICE\(oracle.fresh())"
            var second = credit(of: debit())
            second.vorigReferentieNummer = first.vorigReferentieNummer
            lines.append((bsn, first))
            lines.append((bsn, second))
            return .headerOnly(["0001"])
        case .debitCreditedInSameMessage:
            lines.append((bsn, credit(of: lines[0].line)))
            return .headerOnly(["0001"])
        case .twoDebitsSameKey:
            var copy = lines[0].line
            copy.referentieNummer = "F\(oracle.fresh())"
            lines.append((bsn, copy))
            return .headerOnly(["0001"])
        case .debitWithPreviousReference:
            lines[0].line.vorigReferentieNummer = "OLD\(oracle.fresh())"
            return .headerOnly(["0001"])
        case .periodEndsAfterDagtekening:
            lines.append((bsn, debit(month: Self.today.month)))
            return .headerOnly(["0001"])
        case .zeroAmountCredit:
            var line = credit(of: debit())
            line.geleverdVolume = 0
            line.ingediendBedrag = 0
            lines.append((bsn, line))
            return .headerOnly(["0001"])
        case .periodBefore2021:
            lines.append((bsn, debit(month: Month(year: 2020, month: 12)!)))
            return .headerOnly(["0001"])
        case .periodEndsFiveYearsBeforeDeclaration:
            lines.append((bsn, debit(month: Month(year: 2021, month: 3)!)))
            return .headerOnly(["0001"])
        case .productPeriodOverTwoMonths:
            var line = debit()
            line.productPeriode = Period(start: Day(iso: "2026-02-20")!, end: Day(iso: "2026-03-10")!)!
            lines.append((bsn, line))
            return .headerOnly(["0001"])
        case .sameLineTwice:
            lines.append(lines[0])
            return .headerOnly(["0001"])
        case .tariffMissing:
            var line = debit()
            line.productTarief = nil
            lines.append((bsn, line))
            return .headerOnly(["0001"])
        case .totalNotDebitsMinusCredits, .declarationPeriodNotAWholeMonth:
            return .headerOnly(["0001"])
        case .dagtekeningAfterSystemDate:
            dagtekening = Self.today.adding(days: 1)
            return .headerOnly(["8848"])
        case .declarationNumberUsedBefore:
            guard let used = oracle.declarationNumbers.randomElement(using: &random) else { return nil }
            number = used
            return .declarationRefused("9333")
        case .periodBeforeLatest:
            // Every received declaration is for `declarationMonth`: the month before it is
            // behind once one was received.
            guard !oracle.declarationNumbers.isEmpty else { return nil }
            return .declarationRefused("8214")
        }
    }
}
