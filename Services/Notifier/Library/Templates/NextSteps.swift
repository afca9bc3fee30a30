/// What the rules (DOMAIN.md, the contract standard) require after an alert, in Dutch.
enum NextSteps {
    static func steps(for c: AlertMailContent) -> [String] {
        switch c.state {
        case .resolved:
            return ["Geen actie meer nodig voor deze melding; blijf de prognose volgen op het dashboard."]
        case .escalated:
            return [
                "Neem contact op met de contractmanager: de termijn voor het analysegesprek (2 weken) loopt.",
                "Bevestig de melding met plafond alert ack zodra er een afspraak is.",
            ]
        case .firing, .repeated:
            break
        }
        switch c.instrument {
        case "signaalplafond":
            return [
                "Plan een gezamenlijke analyse met de aanbieder: een signaalplafond leidt nooit tot een toeleidingsstop.",
                "Bespreek of een flinke overschrijding reden is om volgend jaar een bestedingsruimte af te spreken.",
            ]
        case "intensiteitsnorm":
            return [
                "Bespreek met de aanbieder of de hogere intensiteit incidenteel is.",
                "Zorg boven de norm die niet incidenteel is, is niet rechtmatig en wordt niet betaald.",
            ]
        default:
            if c.thresholdPercent < 90 {
                return [
                    "Informeer de aanbieder schriftelijk: bij deze monitoringswaarde informeren gemeente en aanbieder elkaar.",
                    "Plan binnen 2 weken een analysegesprek met de aanbieder en de beleidsadviseur; binnen 2 weken daarna volgt een besluit.",
                ]
            }
            return [
                "Voer het analysegesprek (contractmanager, beleidsadviseur, aanbieder, zo nodig het wijkteam).",
                "Overweeg of een toeleidingsstop nodig is; die legt alleen een mens op. Verwijzingen via Regieteam, CPV of RET blijven toegestaan.",
                "Vraag de aanbieder om een plan van aanpak.",
            ]
        }
    }
}
