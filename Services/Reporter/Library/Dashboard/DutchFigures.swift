import Contracts
import Domain

/// Figures as a Dutch reader expects them: € 1.234,56 and 72,50%.
enum DutchFigures {
    static func percentage(basisPoints: Int64) -> String {
        "\(basisPoints / 100),\(basisPoints % 100 < 10 ? "0" : "")\(basisPoints % 100)%"
    }

    /// A value or amount: money in Dutch notation (also an intensiteitsnorm's unlawful
    /// amount), otherwise the number.
    static func amount(_ value: Int64, kind: NormKind) -> String {
        kind.limitIsMoney || kind == .intensiteitsnorm ? Money(cents: value).dutch : String(value)
    }

    /// A norm's limit: money, a number of clients, or units per client per week or month.
    static func limit(_ norm: NormFigures) -> String {
        guard let intensity = norm.intensity else { return amount(norm.limit, kind: norm.instrument) }
        let measure = IntensityMeasure(eenheid: intensity.eenheid)
        return "\(norm.limit) \(measure.unitName) per cliënt per \(intensity.per)"
    }

    /// The share of the limit used; an intensiteitsnorm has none (its value is money).
    static func used(_ norm: NormFigures) -> String {
        norm.intensity == nil && !norm.isSuppressed ? percentage(basisPoints: norm.basisPoints) : "–"
    }

    /// A norm's value as published: money, or a number of clients (instroomtarget) with
    /// "<5" below five.
    static func value(_ value: Int64, kind: NormKind) -> String {
        kind == .instroomtarget ? PublishedCount.text(value) : amount(value, kind: kind)
    }

    /// Where a norm stands, in words, with the dashboard's style class for it; the
    /// reports use the same words. Worked out from everything (`Attention`), so a
    /// forecast over the limit or an open stop advice is never "binnen de drempels".
    static func status(_ norm: NormFigures) -> (text: String, css: String) {
        if norm.intensity != nil && !norm.ended && norm.attention.level <= .ok {
            return ("geen structurele overschrijding", "status-ok")
        }
        return norm.attention.status
    }

    static func instrument(_ kind: NormKind) -> String {
        switch kind {
        case .signaalplafond: "Signaalplafond"
        case .bestedingsruimte: "Bestedingsruimte"
        case .instroomtarget: "Instroomtarget"
        case .intensiteitsnorm: "Intensiteitsnorm"
        }
    }

    static func careType(_ codes: [String]) -> String {
        codes.isEmpty
            ? "alle"
            : codes.map { code in ProductCategorie(code)?.name.map { "\(code) \($0)" } ?? code }
                .joined(separator: ", ")
    }
}
