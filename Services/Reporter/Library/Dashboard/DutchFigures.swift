import Contracts
import Domain

/// Figures as a Dutch reader expects them: € 1.234,56 and 72,50%.
enum DutchFigures {
    static func percentage(basisPoints: Int64) -> String {
        "\(basisPoints / 100),\(basisPoints % 100 < 10 ? "0" : "")\(basisPoints % 100)%"
    }

    /// A limit or amount: money in Dutch notation, otherwise the number.
    static func amount(_ value: Int64, kind: NormKind) -> String {
        kind.limitIsMoney ? Money(cents: value).dutch : String(value)
    }

    /// A norm's value as published: money, or a number of clients (instroomtarget) with
    /// "<5" below five.
    static func value(_ value: Int64, kind: NormKind) -> String {
        kind == .instroomtarget ? PublishedCount.text(value) : amount(value, kind: kind)
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
