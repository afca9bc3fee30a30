import Domain
import Mustache

/// Puts one or more alerts into Dutch words: subject, plain text and HTML, with what the
/// rules require next for each instrument and threshold.
public struct AlertMailRenderer: Sendable {
    private let groupSubject: MustacheTemplate
    private let digestSubject: MustacheTemplate
    private let text: MustacheTemplate
    private let html: MustacheTemplate

    public init() throws {
        groupSubject = try MustacheTemplate(string: AlertMailTemplates.groupSubject)
        digestSubject = try MustacheTemplate(string: AlertMailTemplates.digestSubject)
        text = try MustacheTemplate(string: AlertMailTemplates.text)
        html = try MustacheTemplate(string: AlertMailTemplates.html)
    }

    public func render(_ content: AlertMailContent) throws -> (subject: String, text: String, html: String) {
        try render([content], digest: false)
    }

    /// One message about `contents` (at least one); `digest` for the daily overview.
    public func render(_ contents: [AlertMailContent], digest: Bool) throws -> (
        subject: String, text: String, html: String
    ) {
        guard let last = contents.last else { throw AlertMailError.nothingToSay }
        let sections = contents.map(Self.view)
        var view = sections[sections.count - 1]
        view["count"] = contents.count
        view["alerts"] = sections
        view["greeting"] =
            contents.contains { $0.state == .escalated } ? "Beste beleidsadviseur," : "Beste contractmanager,"
        if digest {
            view["intro"] = "Het dagoverzicht van Plafond: \(contents.count) meldingen met een lage urgentie."
        } else if contents.count > 1 {
            view["intro"] = "Er zijn \(contents.count) meldingen over \(last.normName)."
        }
        // Subject text is not HTML: mustache's escaping is for the HTML body only.
        let renderedSubject =
            digest || contents.count > 1
            ? Self.unescape((digest ? digestSubject : groupSubject).render(view)) : Self.subject(last)
        view["subject"] = renderedSubject
        return (renderedSubject, Self.unescape(text.render(view)), html.render(view))
    }

    static func view(_ c: AlertMailContent) -> [String: Any] {
        let percentage = percentageText(c.percentageBasisPoints)
        let money = ["signaalplafond", "bestedingsruimte"].contains(c.instrument)
        let amount = { (value: Int64) in money ? Money(cents: value).dutch : String(value) }
        var view: [String: Any] = [
            "alertID": c.alertID, "normName": c.normName, "instrumentLabel": label(c.instrument),
            "gemeente": c.gemeente,
            "spent": amount(c.spentCents), "limit": amount(c.limitCents), "percentage": percentage,
            "threshold": c.thresholdPercent, "dashboardURL": c.dashboardURL, "kindIsForecast": c.kind == "forecast",
            "kindIsIntensity": c.kind == "intensity", "unlawful": Money(cents: c.spentCents).dutch,
            "summary": summary(c, percentage: percentage), "steps": NextSteps.steps(for: c),
            "prefix": prefix(c.state), "areaLabel": c.areaIsRegio ? "Regio" : "Gemeente",
            "areaLine": (c.areaIsRegio ? "Regio:       " : "Gemeente:    ") + c.gemeente,
            "subjectName": subjectName(c),
        ]
        if let agb = c.providerAGB {
            view["provider"] = c.providerName.map { "\($0) (AGB \(agb))" } ?? "AGB \(agb)"
        }
        if let categorie = c.categorie { view["categorie"] = categorie }
        if let forecast = c.forecastCents { view["forecast"] = amount(forecast) }
        if let crossing = c.forecastCrossingDate {
            view["crossing"] = Day(iso: crossing).map(DutchDate.text) ?? crossing
        }
        view["intensityLimit"] = c.intensityUnit.map { "\(c.limitCents) \($0)" } ?? "\(c.limitCents) per cliënt"
        return view
    }

    /// The news first, then which norm: "Prognose: grens bereikt op 18 oktober 2026 —
    /// Begeleiding jeugd, De Linde". An inbox shows the start of a subject only.
    static func subject(_ c: AlertMailContent) -> String {
        let percentage = percentageText(c.percentageBasisPoints)
        let news: String
        switch (c.state, c.kind) {
        case (.resolved, "intensity"): news = "Geen zorg meer structureel boven de intensiteitsnorm"
        case (.resolved, "forecast"): news = "Prognose weer onder de grens"
        case (.resolved, _): news = "Weer onder de drempel van \(c.thresholdPercent)% (\(percentage))"
        case (_, "intensity"): news = "Zorg boven de intensiteitsnorm: \(Money(cents: c.spentCents).dutch) onrechtmatig"
        case (_, "forecast"):
            news =
                c.forecastCrossingDate.flatMap(Day.init(iso:)).map {
                    "Prognose: grens bereikt op \(DutchDate.text($0))"
                }
                ?? "Prognose: boven de grens aan het eind van de periode"
        default: news = "Drempel \(c.thresholdPercent)% bereikt: \(percentage) gebruikt"
        }
        return "\(prefix(c.state))\(news) — \(subjectName(c))"
    }

    /// The norm's name, with the provider's when the norm's name does not already say it.
    static func subjectName(_ c: AlertMailContent) -> String {
        guard let name = c.providerName, !c.normName.localizedCaseInsensitiveContains(name) else { return c.normName }
        return "\(c.normName), \(name)"
    }

    /// 7250 basis points as "72,50%".
    static func percentageText(_ basisPoints: Int64) -> String {
        "\(basisPoints / 100),\(basisPoints % 100 < 10 ? "0" : "")\(basisPoints % 100)%"
    }

    static func label(_ instrument: String) -> String {
        switch instrument {
        case "signaalplafond": "Signaalplafond"
        case "bestedingsruimte": "Bestedingsruimte"
        case "instroomtarget": "Instroomtarget"
        case "intensiteitsnorm": "Intensiteitsnorm"
        default: instrument
        }
    }

    static func prefix(_ state: AlertMailState) -> String {
        switch state {
        case .firing: ""
        case .resolved: "Opgelost: "
        case .escalated: "Escalatie: "
        case .repeated: "Herinnering: "
        }
    }

    static func summary(_ c: AlertMailContent, percentage: String) -> String {
        let who = c.providerAGB.map { " bij aanbieder \(c.providerName ?? "AGB \($0)")" } ?? ""
        switch c.state {
        case .resolved where c.kind == "intensity":
            return "Bij \(c.normName)\(who) ligt geen zorg meer structureel boven de intensiteitsnorm."
        case .firing where c.kind == "intensity", .repeated where c.kind == "intensity":
            return
                "Bij \(c.normName)\(who) ligt de zorg voor één of meer cliënten niet incidenteel boven de intensiteitsnorm: \(Money(cents: c.spentCents).dutch) zou onrechtmatig zijn."
        case .resolved:
            return
                "Het gebruik van \(c.normName)\(who) is weer onder de drempel van \(c.thresholdPercent)% gezakt (\(percentage))."
        case .escalated:
            return
                "Niemand heeft de melding over \(c.normName)\(who) binnen de afgesproken tijd bevestigd; de drempel van \(c.thresholdPercent)% is bereikt."
        case .firing, .repeated:
            if c.kind == "forecast" {
                return
                    "Volgens de prognose komt \(c.normName)\(who) aan het eind van de periode boven \(c.thresholdPercent)% van de grens."
            }
            return
                "\(c.normName)\(who) heeft \(percentage) van de grens gebruikt: de drempel van \(c.thresholdPercent)% is bereikt."
        }
    }

    /// Mustache escapes HTML entities in `{{ }}`; plain text and the subject need the
    /// original characters back.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
