import Testing

@testable import NotifierService

@Suite struct AlertMailRendererTests {
    func content(instrument: String = "bestedingsruimte", threshold: Int = 70, state: AlertMailState = .firing)
        -> AlertMailContent
    {
        AlertMailContent(
            alertID: "7", normName: "Begeleiding jeugd De Linde", instrument: instrument, providerName: nil,
            providerAGB: "12345678", gemeente: "0268", categorie: "45", thresholdPercent: threshold,
            spentCents: 7_250_000,
            limitCents: 10_000_000, percentageBasisPoints: 7_250, forecastCents: 10_400_000,
            forecastCrossingDate: "2026-11-15", state: state, dashboardURL: "http://127.0.0.1:8080/normen/3",
            kind: "actual")
    }

    @Test func seventyPercentOfABestedingsruimteAsksForWrittenNoticeAndAConsultation() throws {
        let mail = try AlertMailRenderer().render(content())
        #expect(mail.subject == "Drempel 70% bereikt: 72,50% gebruikt — Begeleiding jeugd De Linde")
        #expect(mail.text.contains("€ 72.500,00 van € 100.000,00 (72,50%)"))
        #expect(mail.text.contains("AGB 12345678"))
        #expect(mail.text.contains("schriftelijk"))
        #expect(mail.text.contains("binnen 2 weken een analysegesprek"))
        #expect(
            mail.text.contains(
                "\nPrognose:    € 104.000,00 aan het eind van de periode, grens overschreden op 15 november 2026"))
        #expect(mail.text.contains("http://127.0.0.1:8080/normen/3"))
        #expect(mail.html.contains("<a href=\"http://127.0.0.1:8080/normen/3\">"))
        #expect(!mail.html.contains("http://fonts") && !mail.html.contains("<script"))
    }

    @Test func aForecastSubjectSaysWhenTheLimitIsReachedAndNamesTheProviderAndRegio() throws {
        var c = content()
        c.kind = "forecast"
        c.thresholdPercent = 100
        c.normName = "Begeleiding jeugd"
        c.providerName = "De Linde"
        c.gemeente = "Rijk van Nijmegen"
        c.areaIsRegio = true
        c.dashboardURL = "http://127.0.0.1:8080/normen/3#melding-7"
        let mail = try AlertMailRenderer().render(c)
        #expect(mail.subject == "Prognose: grens bereikt op 15 november 2026 — Begeleiding jeugd, De Linde")
        #expect(mail.text.contains("Aanbieder:   De Linde (AGB 12345678)"))
        #expect(mail.text.contains("Regio:       Rijk van Nijmegen") && !mail.text.contains("Gemeente:"))
        #expect(
            mail.html.contains("<th style=\"text-align:left;padding-right:1em\">Regio</th><td>Rijk van Nijmegen</td>"))
        // The HTML part has the same next steps as the text part, and the link to the alert.
        for step in NextSteps.steps(for: c) { #expect(mail.html.contains(step), "\(step)") }
        #expect(mail.html.contains("href=\"http://127.0.0.1:8080/normen/3#melding-7\""))
        // A norm whose name already names the provider does not say it twice.
        c.normName = "Begeleiding jeugd, De Linde"
        #expect(try AlertMailRenderer().render(c).subject.hasSuffix("— Begeleiding jeugd, De Linde"))
    }

    @Test func anIntensityNormStatesItsUnit() throws {
        var c = content(instrument: "intensiteitsnorm", threshold: 100)
        c.kind = "intensity"
        c.limitCents = 18
        c.intensityUnit = "uur per cliënt per week"
        #expect(
            try AlertMailRenderer().render(c).text.contains(
                "boven de norm (18 uur per cliënt per week), niet incidenteel"))
    }

    @Test func ninetyPercentMentionsThatOnlyAPersonImposesAStop() throws {
        let mail = try AlertMailRenderer().render(content(threshold: 90))
        #expect(mail.text.contains("toeleidingsstop"))
        #expect(mail.text.contains("Regieteam, CPV of RET"))
    }

    @Test func aSignaalplafondNeverLeadsToAStop() throws {
        let mail = try AlertMailRenderer().render(content(instrument: "signaalplafond", threshold: 100))
        #expect(mail.text.contains("nooit tot een toeleidingsstop"))
        #expect(!mail.text.contains("Overweeg of een toeleidingsstop"))
    }

    @Test func resolvedAndEscalatedMailsSayWhatHappened() throws {
        let resolved = try AlertMailRenderer().render(content(state: .resolved))
        #expect(resolved.subject.hasPrefix("Opgelost: "))
        #expect(resolved.text.contains("weer onder de drempel van 70%"))
        let escalated = try AlertMailRenderer().render(content(state: .escalated))
        #expect(escalated.text.hasPrefix("Beste beleidsadviseur,"))
        #expect(escalated.text.contains("Niemand heeft de melding"))
    }

    @Test func anIntensityAlertStatesTheAmountThatWouldBeUnlawful() throws {
        var c = content(instrument: "intensiteitsnorm", threshold: 100)
        c.kind = "intensity"
        c.spentCents = 157_332
        c.limitCents = 18
        c.forecastCents = nil
        c.forecastCrossingDate = nil
        let mail = try AlertMailRenderer().render(c)
        #expect(mail.subject == "Zorg boven de intensiteitsnorm: € 1.573,32 onrechtmatig — Begeleiding jeugd De Linde")
        #expect(mail.text.contains("Onrechtmatig: € 1.573,32 aan zorg boven de norm (18 per cliënt), niet incidenteel"))
        #expect(mail.text.contains("niet incidenteel boven de intensiteitsnorm"))
        #expect(!mail.text.contains("Besteed:"))
        #expect(mail.html.contains("<th style=\"text-align:left;padding-right:1em\">Onrechtmatig</th>"))
        c.state = .resolved
        #expect(try AlertMailRenderer().render(c).text.contains("geen zorg meer structureel boven de intensiteitsnorm"))
    }

    @Test func valuesAreEscapedInHTML() throws {
        var evil = content()
        evil.normName = "<script>alert(1)</script>"
        let mail = try AlertMailRenderer().render(evil)
        #expect(!mail.html.contains("<script>"))
        #expect(mail.text.contains("<script>alert(1)</script>"))
    }
}

@Suite struct RetryScheduleTests {
    @Test func backsOffExponentiallyWithJitterUpToACapAndThenGivesUp() {
        let schedule = RetrySchedule(maxAttempts: 5, base: 5, cap: 60)
        #expect(schedule.delay(afterAttempts: 1, unit: 0) == 2.5)
        #expect(schedule.delay(afterAttempts: 1, unit: 1) == 5)
        #expect(schedule.delay(afterAttempts: 3, unit: 1) == 20)
        #expect(schedule.delay(afterAttempts: 4, unit: 1) == 40)
        #expect(RetrySchedule(maxAttempts: 10, base: 5, cap: 60).delay(afterAttempts: 8, unit: 1) == 60)
        #expect(schedule.delay(afterAttempts: 5, unit: 0.5) == nil)
    }
}
