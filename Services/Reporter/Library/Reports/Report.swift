import Contracts
import Domain

/// The periodic report for policy staff and the council, per gemeente or regio and per
/// quarter, half year or year: where every norm in the area stands, spend per care type
/// and provider in the period, and the measures of use (`Indicators`). Amounts in cents;
/// counts of clients below five are "<5" (already so in `Indicators`).
public struct Report: Codable, Sendable, Equatable {
    public var titel: String
    public var gebied: String
    /// The gemeenten covered; absent for all.
    public var gemeenten: [String]?
    public var periode: String
    public var van: Day
    public var tot: Day
    public var opgesteld: Day
    /// The day the figures are taken at (`?peildatum=`, default the report's date, at most
    /// the period's end): spend and use up to its month; the stand of clients on it.
    public var peildatum: Day
    public var normen: [NormLine]
    public var totaleBesteding: Int64
    public var bestedingPerZorgsoort: [SpendLine]
    public var bestedingPerAanbieder: [SpendLine]
    public var indicatoren: Indicators
    /// The same figures for the period before and, when asked, for a baseline year, each
    /// up to the same day in its period, costs at today's prices when an index is given.
    public var vergelijking: [Comparison] = []

    public struct Comparison: Codable, Sendable, Equatable {
        /// "vorige periode" or "basisjaar".
        public var soort: String
        public var periode: String
        public var peildatum: Day
        /// The price rise applied to its costs, "3,2%"; absent when none.
        public var prijsindex: String?
        public var zorgsoorten: [Indicators.CareType]
        public var totaal: Indicators.CareType
    }

    /// What to compare the period with (`?basisjaar=`, `?prijsindex=`, `?basisprijsindex=`).
    public struct ComparisonRequest: Sendable, Equatable {
        public var baselineYear: Int?
        public var previousIndex: PriceIndex?
        public var baselineIndex: PriceIndex?

        public init(baselineYear: Int? = nil, previousIndex: PriceIndex? = nil, baselineIndex: PriceIndex? = nil) {
            self.baselineYear = baselineYear
            self.previousIndex = previousIndex
            self.baselineIndex = baselineIndex
        }
    }

    /// A norm as it stands on the day the report is made (its whole period and scope).
    public struct NormLine: Codable, Sendable, Equatable {
        public var id: Int64
        public var naam: String
        public var instrument: NormKind
        public var aanbieder: String?
        /// The provider's name from the AGB register, when it has one.
        public var aanbiederNaam: String?
        public var zorgsoort: String
        public var periode: String
        /// Cents for money norms, clients for an instroomtarget, units per client for an
        /// intensiteitsnorm. In a gemeente's report on a regio norm: the gemeente's share;
        /// absent when the norm is not split over its gemeenten.
        public var grens: Int64?
        /// Cents spent; clients as published ("<5") for an instroomtarget; the unlawful
        /// amount in cents for an intensiteitsnorm.
        public var stand: String
        public var percentage: String?
        public var prognose: Int64?
        /// The PxQ forecast from the allocations, beside the run-rate (`prognose`).
        public var prognosePxQ: Int64? = nil
        public var grensBereiktOp: Day?
        public var status: String
        public var stopVanKracht: Bool
        /// In a gemeente's report on a norm over more gemeenten: the whole norm's figures
        /// beside the gemeente's own (its share, "55,00%", when the norm is split).
        public var regio: WholeNorm?
    }

    public struct WholeNorm: Codable, Sendable, Equatable {
        public var gebied: String
        public var aandeel: String?
        public var grens: Int64
        public var stand: String
        public var percentage: String?
        public var prognose: Int64?
    }

    public struct SpendLine: Codable, Sendable, Equatable {
        public var code: String
        public var naam: String
        public var bedrag: Int64
    }
}
