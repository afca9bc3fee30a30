import ArgumentParser
import Contracts
import Domain
import Foundation
import Runtime
import TOMLKit

struct NormChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change", abstract: "Een norm wijzigen (nieuwe versie; de geschiedenis blijft).")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Nummer van de norm.") var id: Int64
    @Option(name: .customLong("naam")) var name: String?
    @Option(name: .customLong("grens"), help: "Nieuw bedrag (\"€ 1.400.000,00\") of aantal.") var limit: String?
    @Option(name: .customLong("drempels"), help: "Bijvoorbeeld 70,90,100.") var thresholds: String?
    @Option(name: .customLong("periode"), help: "2026, 2026-H2, 2026-Q3 of 2026-07.") var period: String?
    @Option(name: .customLong("stopregel"), help: "Advies tot een stop bij een prognose boven 100 of 105 procent.")
    var stopRule: String?
    @Option(name: .customLong("door"), help: "Wie de wijziging vastlegt.") var by: String?

    func run() async throws {
        let target = try options.admin(.monitor)
        var parsedLimit: Int64?
        if let limit {
            let current = try AdminCall.send(NormListRequest(), to: target)
            guard let norm = current.first(where: { $0.norm.id == id }) else {
                throw ValidationError("norm \(id) bestaat niet")
            }
            parsedLimit = try NormWords.limit(limit, kind: norm.norm.kind)
        }
        let status = try AdminCall.send(
            NormChangeRequest(
                id: id, name: name, limit: parsedLimit, thresholds: try thresholds.map(NormWords.thresholds),
                period: period, stopRule: try stopRule.map(NormWords.stopRule), by: by), to: target)
        print("Norm \(id) is nu versie \(status.norm.version): \(status.norm.name), \(NormPrinting.figures(status))")
    }
}

struct NormEndCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end", abstract: "Een norm beëindigen: nieuwe declaraties tellen niet meer mee.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Nummer van de norm.") var id: Int64
    @Option(name: .customLong("door"), help: "Wie de norm beëindigt.") var by: String?

    func run() async throws {
        let status = try AdminCall.send(
            NormEndRequest(id: id, by: by), to: try options.admin(.monitor))
        print("Norm \(id) beëindigd (versie \(status.norm.version)), eindstand \(NormPrinting.figures(status))")
    }
}

struct NormHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Alle versies van een norm.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "Nummer van de norm.") var id: Int64
    @Flag(name: .long, help: "Als JSON, voor scripts.") var json = false

    func run() async throws {
        let entries = try AdminCall.send(
            NormHistoryRequest(id: id), to: try options.admin(.monitor))
        if json {
            print(String(decoding: try AdminCoding.encode(entries), as: UTF8.self))
            return
        }
        for entry in entries {
            let limit =
                entry.norm.kind.limitIsMoney ? Money(cents: entry.norm.limit).dutch : String(entry.norm.limit)
            let thresholds = entry.norm.thresholds.map { "\($0)%" }.joined(separator: ", ")
            print(
                "v\(entry.version)\t\(entry.change.rawValue)\t\(entry.at)\t\(entry.by ?? "-")\t\(entry.norm.name): grens \(limit), periode \(entry.norm.period.label), drempels \(thresholds)"
            )
        }
    }
}

struct NormImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Een hele set normen uit een TOML-bestand, alles of niets.")

    @OptionGroup var options: ServiceOptions
    @Argument(help: "TOML-bestand met [[norm]]-tabellen.") var file: String
    @Option(name: .customLong("door"), help: "Wie de set vastlegt.") var by: String?

    func run() async throws {
        let requests = try NormFile.read(path: file, by: by)
        let statuses = try AdminCall.send(
            NormImportRequest(norms: requests), to: try options.admin(.monitor))
        print("\(statuses.count) normen ingelezen uit \(file)")
        for status in statuses {
            print(
                "\(status.norm.id)\t\(status.norm.kind.rawValue)\t\(status.norm.name)\t\(NormPrinting.figures(status))")
        }
    }
}

/// The file a region loads its norms from: one `[[norm]]` table each, the words of
/// `plafond norm add`:
///
///     [[norm]]
///     naam = "Begeleiding jeugd, De Linde"
///     soort = "bestedingsruimte"
///     gemeenten = ["0268", "0209"]
///     regio = "Rijk van Nijmegen"
///     aanbieder = "12345678"
///     categorieen = ["45"]
///     periode = "2026"
///     grens = "€ 1.250.000,00"
///     drempels = [70, 90, 100]
///     stopregel = 105            # advice to stop above 105% forecast (default 100)
///
/// An intensiteitsnorm adds `eenheid` ("uur"), `per` ("week" or "maand"),
/// `structureel` ("2/3"), `per_kind` (true: a child across providers) and
/// `weken_per_jaar` (47: a signal above so many weeks with care) and `max_maanden` (a
/// signal beyond so many months in care), as the flags of `norm add` do.
struct NormFile: Decodable {
    var norm: [Entry]

    struct Entry: Decodable {
        var naam: String
        var soort: String
        var gemeenten: [String]?
        var regio: String?
        var aanbieder: String?
        var categorieen: [String]?
        var productcodes: [String]?
        var periode: String?
        var grens: String
        var drempels: [Int]?
        var stopregel: Int?
        var eenheid: String?
        var per: String?
        var structureel: String?
        var perKind: Bool?
        var wekenPerJaar: Int?
        var maxMaanden: Int?

        enum CodingKeys: String, CodingKey {
            case naam, soort, gemeenten, regio, aanbieder, categorieen, productcodes, periode, grens, drempels
            case stopregel, eenheid, per, structureel
            case perKind = "per_kind"
            case wekenPerJaar = "weken_per_jaar"
            case maxMaanden = "max_maanden"
        }
    }

    static func read(path: String, by: String?) throws -> [NormAddRequest] {
        let file = try TOMLDecoder().decode(NormFile.self, from: try String(contentsOfFile: path, encoding: .utf8))
        return try file.norm.enumerated().map { index, entry in
            do {
                let kind = try NormWords.kind(entry.soort)
                return NormAddRequest(
                    name: entry.naam, kind: kind, gemeenten: entry.gemeenten ?? [], regio: entry.regio,
                    aanbieder: entry.aanbieder, productCategorieen: entry.categorieen ?? [],
                    productCodes: entry.productcodes ?? [], period: entry.periode,
                    limit: try NormWords.limit(entry.grens, kind: kind), thresholds: entry.drempels,
                    stopRule: try entry.stopregel.map { try NormWords.stopRule(String($0)) },
                    intensity: try NormWords.intensity(
                        kind: kind, eenheid: entry.eenheid, per: entry.per, structureel: entry.structureel,
                        perChild: entry.perKind ?? false, openWeeks: entry.wekenPerJaar, maxMonths: entry.maxMaanden),
                    by: by)
            } catch let error as ValidationError {
                throw ValidationError("\(path), norm \(index + 1): \(error.message)")
            }
        }
    }
}
