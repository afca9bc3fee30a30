import Contracts
import Domain

/// The demo's region, providers and norms, generated deterministically from a seed:
/// Rijk van Nijmegen (7 gemeenten around Nijmegen, 0268) and about 40 providers of
/// begeleiding jeugd, orthopedagogische behandeling, pre-school day treatment (VDB) and
/// jeugd-GGZ, with the instruments Nijmegen uses for each (DOMAIN.md).
///
/// Wmo-begeleiding is left out: it is declared with iWmo messages, not iJw.
struct DemoSetting {
    static let regio = "Rijk van Nijmegen"
    /// CBS code and share of the region's clients.
    static let gemeenten: [(code: String, name: String, share: Int)] = [
        ("0268", "Nijmegen", 55), ("0296", "Wijchen", 12), ("1945", "Berg en Dal", 10), ("0209", "Beuningen", 8),
        ("0225", "Druten", 6), ("0252", "Heumen", 5), ("0944", "Mook en Middelaar", 4),
    ]

    /// Youth inhabitants (0–17) per gemeente, rounded, for splitting the regio's jeugd-GGZ
    /// signaalplafond "naar rato" (`[verdeelsleutels.jeugdigen]` in the demo's configuration).
    static let jeugdigen: [(code: String, count: Int64)] = [
        ("0268", 33_500), ("0296", 8_100), ("1945", 6_400), ("0209", 5_900), ("0225", 4_300), ("0252", 3_300),
        ("0944", 1_400),
    ]
    static let splitNormName = "Jeugd-GGZ, regio (naar rato van jeugdigen)"

    /// A kind of care as it is declared: category, product code, unit, tariff in cents,
    /// and the usual volume per client per month.
    struct CareType: Sendable {
        var name: String
        var categorie: String
        var productCode: String
        var eenheid: String
        var tariff: Int64
        var volume: ClosedRange<Int64>
    }

    static let begeleiding = CareType(
        name: "begeleiding jeugd", categorie: "45", productCode: "45A48", eenheid: "04", tariff: 7_380, volume: 8...16)
    static let behandeling = CareType(
        name: "orthopedagogische behandeling", categorie: "45", productCode: "45A10", eenheid: "04", tariff: 10_560,
        volume: 4...10)
    static let vdb = CareType(
        name: "pre-school dagbehandeling", categorie: "41", productCode: "41A07", eenheid: "04", tariff: 3_850,
        volume: 40...70)
    static let ggz = CareType(
        name: "jeugd-GGZ", categorie: "52", productCode: "52A01", eenheid: "01", tariff: 199, volume: 240...540)

    struct Provider: Sendable {
        var agb: String
        var name: String
        var care: CareType
        /// Clients in care in January.
        var clients: Int
        /// Percent more (or fewer) clients each month.
        var growthPercent: Int
        var norm: NormKind?
        /// Limit as a percentage of the year's expected spend.
        var limitPercent: Int
    }

    let providers: [Provider]

    /// The scenario's main characters (indices in `providers`).
    static let headingForItsCap = 0  // begeleiding, bestedingsruimte, growing: forecast crossing, stop
    static let overItsSignaal = 16  // behandeling, signaalplafond exceeded
    static let lateDeclarer = 3  // sends March with May
    static let intensive = 26  // VDB provider with one client far above 18 hours a week
    static let approvedIntensive = 25  // VDB provider whose client the CPV grants more hours
    static let returning = 24  // VDB provider a client comes back to after twelve months away

    init(seed: UInt64) {
        var random = DemoRandom(seed: seed)
        let names = [
            "De Linde", "Kompaan", "Entrea Lindenhout", "Pluryn", "Karakter", "Driestroom", "Zozijn", "Sterk Huis",
            "De Waalboog", "Jeugdzorg Oost", "Stichting Thuiszorg", "Het Raamwerk", "Iriszorg Jeugd", "Lijn5",
            "De Bascule Oost", "Leger des Heils Jeugd", "Intermetzo", "Youké", "Lindenhout Behandeling", "ProCorde",
            "Orthopedagogisch Centrum Oost", "Ambulant Team Noord", "Gezinsbegeleiding Gelderland", "Timon",
            "Kinderdagcentrum De Vlinder", "VDB Het Kompas", "Dagbehandeling De Regenboog", "KDC De Boomhut",
            "Pro Persona Jeugd", "GGZ Kind en Jeugd", "Psychologenpraktijk De Brug", "Yulius Jeugd", "Praktijk Mind",
            "Dokter Bosman Jeugd", "RINO Jeugd", "Jeugdpsychiatrie Nijmegen", "Kinderpraktijk Oost",
            "GGZ Centraal Jeugd",
            "PsyQ Jeugd", "Accare Oost",
        ]
        var providers: [Provider] = []
        for (index, name) in names.enumerated() {
            let care: CareType
            let norm: NormKind?
            switch index {
            case 0..<16: (care, norm) = (Self.begeleiding, .bestedingsruimte)
            case 16..<24: (care, norm) = (Self.behandeling, .signaalplafond)
            case 24..<28: (care, norm) = (Self.vdb, .instroomtarget)
            default: (care, norm) = (Self.ggz, nil)  // jeugd-GGZ: watched, no instrument
            }
            let clients =
                care.categorie == "41"
                ? random.next(in: 12...20)
                : care.categorie == "52"
                    ? random.next(in: 30...80)
                    : random.next(in: 80...190)
            providers.append(
                Provider(
                    agb: String(30_010_000 + index * 37), name: name, care: care, clients: clients,
                    growthPercent: random.next(in: -2...1), norm: norm, limitPercent: random.next(in: 125...140)))
        }
        // The scenario: one begeleiding provider grows fast against a tight bestedingsruimte;
        // one behandeling provider runs over its signaalplafond.
        providers[Self.headingForItsCap].growthPercent = 6
        providers[Self.headingForItsCap].limitPercent = 96
        providers[Self.overItsSignaal].growthPercent = 3
        providers[Self.overItsSignaal].limitPercent = 88
        self.providers = providers
    }

    /// The norms the region agreed, in the words of `norm add`.
    func norms(year: Int) -> [NormAddRequest] {
        var norms: [NormAddRequest] = []
        for provider in providers {
            guard let kind = provider.norm else { continue }
            if kind == .instroomtarget {
                norms.append(
                    NormAddRequest(
                        name: "Instroom VDB, \(provider.name)", kind: .instroomtarget, gemeenten: [],
                        regio: Self.regio, aanbieder: provider.agb, productCategorieen: [provider.care.categorie],
                        period: String(year), limit: Int64(max(6, provider.clients / 2)), by: "Regio Rijk van Nijmegen")
                )
                continue
            }
            let yearly = expectedYearlySpend(provider)
            norms.append(
                NormAddRequest(
                    name: "\(provider.care.name.capitalizedFirst), \(provider.name)", kind: kind, gemeenten: [],
                    regio: Self.regio, aanbieder: provider.agb, productCategorieen: [provider.care.categorie],
                    productCodes: [], period: String(year),
                    limit: yearly * Int64(provider.limitPercent) / 100 / 100_000 * 100_000,
                    by: "Regio Rijk van Nijmegen"))
        }
        // The regio's jeugd-GGZ as a whole, split over its gemeenten (shares set by `DemoRun`).
        let ggz = providers.filter { $0.care.categorie == Self.ggz.categorie }.map(expectedYearlySpend).reduce(0, +)
        norms.append(
            NormAddRequest(
                name: Self.splitNormName, kind: .signaalplafond, gemeenten: [], regio: Self.regio, aanbieder: nil,
                productCategorieen: [Self.ggz.categorie], period: String(year),
                limit: ggz * 13 / 10 / 100_000 * 100_000,
                by: "Regio Rijk van Nijmegen"))
        norms.append(
            NormAddRequest(
                name: "VDB: ten hoogste 18 uur per week", kind: .intensiteitsnorm, gemeenten: [], regio: Self.regio,
                aanbieder: nil, productCategorieen: [Self.vdb.categorie], period: String(year), limit: 18,
                intensity: IntensityMeasure(eenheid: "04", per: .week), by: "Regio Rijk van Nijmegen"))
        return norms
    }

    /// What a provider would spend in a year at January's size without growth.
    func expectedYearlySpend(_ provider: Provider) -> Int64 {
        let averageVolume = (provider.care.volume.lowerBound + provider.care.volume.upperBound) / 2
        return Int64(provider.clients) * averageVolume * provider.care.tariff * 12
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// SplitMix64: the same setting and declarations for the same seed, on every machine.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(nextUInt64() % UInt64(range.count))
    }

    mutating func next(in range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(nextUInt64() % UInt64(range.upperBound - range.lowerBound + 1))
    }
}
