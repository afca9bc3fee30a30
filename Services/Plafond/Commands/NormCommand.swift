import ArgumentParser
import Contracts
import Domain
import Foundation
import Runtime

/// `plafond norm add|change|end|list|history|import`: manage norms through monitor's admin socket.
struct NormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "norm",
        abstract: "Normen beheren (plafonds, bestedingsruimtes, instroomtargets, intensiteitsnormen).",
        subcommands: [
            NormAddCommand.self, NormChangeCommand.self, NormEndCommand.self, NormListCommand.self,
            NormHistoryCommand.self, NormImportCommand.self, NormShowCommand.self,
        ])
}

struct NormAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Een norm toevoegen.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .customLong("naam"), help: "Naam van de norm.") var name: String
    @Option(name: .customLong("soort"), help: "signaalplafond, bestedingsruimte, instroomtarget of intensiteitsnorm.")
    var kind: String
    @Option(name: .customLong("gemeente"), help: "CBS-code; herhaal voor meer gemeenten.") var gemeenten: [String] = []
    @Option(
        name: .customLong("regio"),
        help: "Regio uit [regios] in de configuratie (zonder --gemeente: al haar gemeenten).")
    var regio: String?
    @Option(name: .customLong("aanbieder"), help: "AGB-code; weglaten voor alle aanbieders.") var aanbieder: String?
    @Option(name: .customLong("categorie"), help: "Productcategorie; herhaal voor meer.") var categorieen: [String] = []
    @Option(name: .customLong("productcode"), help: "Productcode; herhaal voor meer.") var codes: [String] = []
    @Option(name: .customLong("periode"), help: "2026, 2026-H2, 2026-Q3 of 2026-07 (standaard: dit kalenderjaar).")
    var period: String?
    @Option(name: .customLong("grens"), help: "Bedrag (\"€ 1.250.000,00\") of aantal.") var limit: String
    @Option(name: .customLong("drempels"), help: "Drempels in procenten, bijvoorbeeld 70,90,100.") var thresholds:
        String?
    @Option(
        name: .customLong("stopregel"),
        help: "Advies tot een stop bij een prognose boven 100 (standaard) of 105 procent (Holland Rijnland).")
    var stopRule: String?
    @Option(
        name: .customLong("eenheid"), help: "Intensiteitsnorm: uur, minuut, dagdeel, etmaal of stuks (standaard uur).")
    var eenheid: String?
    @Option(name: .customLong("per"), help: "Intensiteitsnorm: week of maand (standaard week).") var per: String?
    @Option(
        name: .customLong("structureel"),
        help:
            "Intensiteitsnorm: niet incidenteel bij zoveel maanden boven de norm binnen zoveel maanden (standaard 2/3)."
    )
    var structureel: String?
    @Flag(
        name: .customLong("per-kind"),
        help: "Intensiteitsnorm: een kind over alle aanbieders samen beoordelen (standaard per aanbieder).")
    var perKind = false
    @Option(
        name: .customLong("weken-per-jaar"),
        help: "Intensiteitsnorm: ten hoogste zoveel weken per jaar met zorg per cliënt (signaal), bv. 47.")
    var wekenPerJaar: Int?
    @Option(
        name: .customLong("max-maanden"),
        help: "Intensiteitsnorm: signaal bij langer dan zoveel maanden in zorg bij een aanbieder (duur), bv. 12.")
    var maxMaanden: Int?
    @Option(
        name: .customLong("aandeel"),
        help: "Regio-norm verdeeld over de gemeenten: GEMEENTE=PROCENT (bv. 0268=55,5); herhaal voor elke gemeente.")
    var aandelen: [String] = []
    @Option(
        name: .customLong("naar-rato"),
        help: "Regio-norm verdeeld naar rato van een sleutel uit [verdeelsleutels], bv. jeugdigen.")
    var naarRato: String?
    @Option(name: .customLong("door"), help: "Wie de norm vastlegt.") var by: String?

    func run() async throws {
        let configuration = try options.configuration()
        guard let normKind = NormKind(rawValue: kind) else {
            throw ValidationError(
                "onbekende soort \(kind): kies uit \(NormKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let parsedLimit = try NormWords.limit(limit, kind: normKind)
        let parsedThresholds = try thresholds.map(NormWords.thresholds)
        let request = NormAddRequest(
            name: name, kind: normKind, gemeenten: gemeenten, regio: regio, aanbieder: aanbieder,
            productCategorieen: categorieen, productCodes: codes, period: period, limit: parsedLimit,
            thresholds: parsedThresholds, stopRule: try stopRule.map(NormWords.stopRule),
            intensity: try NormWords.intensity(
                kind: normKind, eenheid: eenheid, per: per, structureel: structureel, perChild: perKind,
                openWeeks: wekenPerJaar, maxMonths: maxMaanden),
            shares: try NormShareWords.shares(
                aandelen: aandelen, naarRato: naarRato,
                gemeenten: gemeenten.isEmpty ? regio.flatMap { configuration.regios[$0] } ?? [] : gemeenten,
                keys: configuration.verdeelsleutels),
            by: by)
        let status = try AdminCall.send(
            request, to: AdminTarget(.monitor, configuration, configPath: options.config))
        print("Norm \(status.norm.id) toegevoegd: \(status.norm.name), \(NormPrinting.figures(status))")
    }
}

struct NormListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Alle normen met hun stand.")

    @OptionGroup var options: ServiceOptions
    @Flag(name: .long, help: "Als JSON, voor scripts.") var json = false

    func run() async throws {
        let statuses = try AdminCall.send(
            NormListRequest(), to: try options.admin(.monitor))
        if json {
            print(String(decoding: try AdminCoding.encode(statuses), as: UTF8.self))
            return
        }
        for status in statuses {
            print(
                "\(status.norm.id)\t\(status.norm.kind.rawValue)\t\(status.norm.name)\t\(NormPrinting.figures(status))")
        }
    }
}

enum NormPrinting {
    static func figures(_ status: NormStatus) -> String {
        if let measure = status.norm.intensity {
            return "\(status.norm.limit) \(measure.unitName) per cliënt per \(measure.per.rawValue)"
                + (measure.perChild ? " (per kind, alle aanbieders samen)" : "")
                + (measure.openWeeks.map { ", ten hoogste \($0) weken per jaar" } ?? "")
                + (measure.maxMonths.map { ", ten hoogste \($0) maanden in zorg" } ?? "") + "; "
                + "\(Money(cents: status.value).dutch) zou onrechtmatig zijn"
        }
        let percent = "\(status.basisPoints / 100),\(String(format: "%02d", status.basisPoints % 100))%"
        if status.norm.kind.limitIsMoney {
            return "\(Money(cents: status.value).dutch) van \(Money(cents: status.norm.limit).dutch) (\(percent))"
        }
        return "\(status.value) van \(status.norm.limit) (\(percent))"
    }
}

/// Reads the Dutch words of the norm commands and the import file.
enum NormWords {
    static func kind(_ word: String) throws -> NormKind {
        guard let kind = NormKind(rawValue: word) else {
            throw ValidationError(
                "onbekende soort \(word): kies uit \(NormKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }

    /// An amount in Dutch notation for money norms, a count for the others.
    static func limit(_ text: String, kind: NormKind) throws -> Int64 {
        if kind.limitIsMoney {
            guard let money = Money(dutch: text) else { throw ValidationError("ongeldig bedrag \(text)") }
            return money.cents
        }
        guard let count = Int64(text) else { throw ValidationError("ongeldig aantal \(text)") }
        return count
    }

    /// The measure of an intensiteitsnorm from its Dutch words; nil for other kinds, and
    /// an error when those words are given for another kind.
    static func intensity(
        kind: NormKind, eenheid: String?, per: String?, structureel: String?, perChild: Bool = false,
        openWeeks: Int? = nil, maxMonths: Int? = nil
    ) throws -> IntensityMeasure? {
        guard kind == .intensiteitsnorm else {
            if eenheid != nil || per != nil || structureel != nil || perChild || openWeeks != nil || maxMonths != nil {
                throw ValidationError(
                    "--eenheid, --per, --structureel, --per-kind, --weken-per-jaar en --max-maanden horen bij een "
                        + "intensiteitsnorm")
            }
            return nil
        }
        if let maxMonths, maxMonths < 1 { throw ValidationError("--max-maanden is een aantal maanden, 1 of meer") }
        if let openWeeks, !(1...53).contains(openWeeks) {
            throw ValidationError("--weken-per-jaar is een aantal weken van 1 tot en met 53")
        }
        var measure = IntensityMeasure(perChild: perChild, openWeeks: openWeeks, maxMonths: maxMonths)
        if let eenheid {
            let codes = ["uur": "04", "minuut": "01", "dagdeel": "16", "etmaal": "14", "stuks": "84"]
            guard let code = codes[eenheid.lowercased()] ?? (Eenheid(rawValue: eenheid) != nil ? eenheid : nil) else {
                throw ValidationError("onbekende eenheid \(eenheid): uur, minuut, dagdeel, etmaal of stuks")
            }
            measure.eenheid = code
        }
        if let per {
            guard let parsed = IntensityMeasure.Per(rawValue: per.lowercased()) else {
                throw ValidationError("--per is week of maand")
            }
            measure.per = parsed
        }
        if let structureel {
            let parts = structureel.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 1, parts[1] >= parts[0], parts[1] <= 12 else {
                throw ValidationError(
                    "--structureel is bijvoorbeeld 2/3: zoveel maanden boven de norm binnen zoveel maanden")
            }
            measure.monthsAbove = parts[0]
            measure.windowMonths = parts[1]
        }
        return measure
    }

    static func stopRule(_ text: String) throws -> StopRule {
        switch text.trimmingCharacters(in: CharacterSet(charactersIn: " %")) {
        case "100": return .forecastAbove100
        case "105": return .forecastAbove105
        default: throw ValidationError("--stopregel is 100 of 105")
        }
    }

    static func thresholds(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map { part -> Int in
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("ongeldige drempel \(part)")
            }
            return value
        }
    }
}
