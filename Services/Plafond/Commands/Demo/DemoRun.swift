import Contracts
import Domain
import Foundation
import Runtime

/// The year played month by month, with the contract manager's decisions in between.
struct DemoRun {
    let system: DemoSystem
    let configuration: PlafondConfiguration
    let setting: DemoSetting
    let today: Day
    let seed: UInt64
    let pauseSeconds: Double

    private var printed: Set<String> = []
    private var normNames: [Int64: String] = [:]
    private var cappedNorm: Int64?
    /// The intensiteitsnorm, for the CPV's decisions on extra hours (`DemoRun+Intensity`).
    var intensityNorm: Int64?
    private var adviceIn: Month?
    private var stopImposedIn: Month?
    private var liftRefused = false
    private var stopLifted = false

    init(
        system: DemoSystem, configuration: PlafondConfiguration, setting: DemoSetting, today: Day, seed: UInt64,
        pauseSeconds: Double
    ) {
        self.system = system
        self.configuration = configuration
        self.setting = setting
        self.today = today
        self.seed = seed
        self.pauseSeconds = pauseSeconds
    }

    struct TimelineEntry: Decodable {
        var kind: String
        var normID: Int64?
        var at: String
        var summary: String
    }

    struct SpendTotal: Decodable {
        var total: Int64
    }

    mutating func play(supervisor: ChildSupervisor) async throws {
        let year = today.month.previous.year
        // The gemeente's AGB register first, so every page, mail and report names the providers.
        _ = try AdminCall.send(
            ProviderImportRequest(
                providers: setting.providers.map { ProviderName(agb: $0.agb, naam: $0.name) }, by: "plafond demo"),
            to: AdminTarget(.monitor, configuration))
        var requests = setting.norms(year: year)
        for index in requests.indices where requests[index].name == DemoSetting.splitNormName {
            requests[index].shares = try NormShareWords.shares(
                aandelen: [], naarRato: "jeugdigen", gemeenten: configuration.regios[DemoSetting.regio] ?? [],
                keys: configuration.verdeelsleutels)
        }
        let norms = try AdminCall.send(
            NormImportRequest(norms: requests), to: AdminTarget(.monitor, configuration))
        for status in norms { normNames[status.norm.id] = status.norm.name }
        let capped = setting.providers[DemoSetting.headingForItsCap]
        cappedNorm = norms.first { $0.norm.scope.aanbieder == capped.agb }?.norm.id
        intensityNorm = norms.first { $0.norm.kind == .intensiteitsnorm }?.norm.id
        DemoOutput.say(
            "Regio \(DemoSetting.regio): \(DemoSetting.gemeenten.count) gemeenten, \(setting.providers.count) aanbieders, \(norms.count) normen"
        )
        if let split = norms.first(where: { $0.norm.shares != nil }), let shares = split.norm.shares {
            let parts = BudgetShares.split(split.norm.limit, shares: shares)
            let text = DemoSetting.gemeenten.compactMap { gemeente in
                shares[gemeente.code].map {
                    "\(gemeente.name) \($0 / 100),\(String(format: "%02d", $0 % 100))% (\(Money(cents: parts[gemeente.code] ?? 0).dutch))"
                }
            }
            DemoOutput.say(
                "   \(split.norm.name): \(Money(cents: split.norm.limit).dutch), verdeeld naar rato van jeugdigen: "
                    + text.joined(separator: ", "))
        }
        var declarations = DemoYear(setting: setting, year: year, seed: seed)
        let intake = RequestClient(endpoint: configuration.intake.endpoint, timeout: .seconds(120))
        let lastMonth = today.month.previous
        // December of the year before first: the clients already in care are not new in January.
        var month = Month(year: year - 1, month: 12)!
        while month <= lastMonth {
            if let dead = supervisor.deadChild {
                throw DemoError("\(dead.name) stopte (code \(dead.status)); zie \(system.folder.path)/\(dead.name).log")
            }
            let documents = declarations.declarations(for: month, today: today)
            // Clients arriving during the stop start their care today (JW305) before the
            // declarations for them come in.
            let starts = declarations.arrivedScripted.map { arrival in
                DemoStartOfCare.message(
                    identificatie: "START\(arrival.client.number)", today: today,
                    aanbieder: setting.providers[arrival.provider].agb, gemeente: arrival.client.gemeente,
                    bsn: arrival.client.bsn, toewijzing: arrival.client.toewijzing,
                    care: setting.providers[arrival.provider].care)
            }
            // The Regieteam's client is referred (JW315) before its start: the route
            // recognises the team by name, without a hand mark.
            let referrals = declarations.arrivedScripted.filter { $0.client.toewijzing == Self.regieteamToewijzing }
                .map { arrival in
                    DemoReferral.message(
                        identificatie: "VERW\(arrival.client.number)", today: today,
                        aanbieder: setting.providers[arrival.provider].agb, gemeente: arrival.client.gemeente,
                        bsn: arrival.client.bsn, referentie: "VERW-\(arrival.client.toewijzing)",
                        care: setting.providers[arrival.provider].care)
                }
            if !referrals.isEmpty {
                let answers = try intake.send(referrals)
                let taken = answers.filter { !String(decoding: $0, as: UTF8.self).contains("RetourCode>") }.count
                DemoOutput.say(
                    "   \(DemoReferral.team) verwijst \(taken) cliënt (JW315): route Regieteam, zonder uitzondering met de hand"
                )
            }
            if !starts.isEmpty {
                let answers = try intake.send(starts)
                // IV028: an approved start is answered with a header without RetourCodes.
                let taken = answers.filter { !String(decoding: $0, as: UTF8.self).contains("RetourCode>") }.count
                DemoOutput.say(
                    "   \(taken) van \(starts.count) nieuwe cliënten gestart (JW305) bij \(setting.providers[DemoSetting.headingForItsCap].name)"
                )
            }
            let returningBack = month == Month(year: year, month: DemoYear.returningMonths.back)
            let inflowBefore = returningBack ? try returningTarget()?.value : nil
            let answers = try intake.send(documents.map(\.document))
            let granted = answers.filter { String(decoding: $0, as: UTF8.self).contains(">8001<") }.count
            DemoOutput.say("\n== Zorgmaand \(month): \(documents.count) declaraties, \(granted) volledig toegekend ==")
            if month.month == 5 {
                DemoOutput.say(
                    "   (aanbieder \(setting.providers[DemoSetting.lateDeclarer].name) declareert maart pas nu, in de declaratie van mei: te laat)"
                )
            }
            try await settle(expectedCents: declarations.netCents, year: year)
            try await printNews()
            if let before = inflowBefore { try await showReturning(before: before, year: year) }
            if month == Month(year: year - 1, month: 12) { try await decideIntensity(declarations, year: year) }
            if month == Month(year: year, month: DemoYear.approvedMonths.upperBound) {
                try showApprovedIntensity(year: year)
            }
            try await decide(month: month, declarations: &declarations)
            if pauseSeconds > 0 { try await Task.sleep(for: .seconds(pauseSeconds)) }
            month = month.next
        }
        try await Task.sleep(for: .seconds(1))
        try await printNews()
        DemoOutput.say(
            "\nAfgespeeld: \(declarations.lines) declaratieregels, netto \(Money(cents: declarations.netCents).dutch)")
    }

    /// The instroomtarget of the provider the client returns to.
    private func returningTarget() throws -> NormStatus? {
        let agb = setting.providers[DemoSetting.returning].agb
        let statuses = try AdminCall.send(NormListRequest(), to: AdminTarget(.monitor, configuration))
        return statuses.first { $0.norm.kind == .instroomtarget && $0.norm.scope.aanbieder == agb }
    }

    /// The returning client, as the instroomtarget counts it: back after twelve months
    /// without care, so new again ("(opnieuw) in zorg").
    private func showReturning(before: Int64, year: Int) async throws {
        var after = before
        for _ in 0..<50 where after == before {
            after = try returningTarget()?.value ?? before
            if after == before { try await Task.sleep(for: .milliseconds(200)) }
        }
        let away = DutchDate.text(Month(year: year - 1, month: DemoYear.returningMonths.away)!)
        DemoOutput.say(
            "   • Instroom: een cliënt komt terug bij \(setting.providers[DemoSetting.returning].name) na twaalf maanden "
                + "zonder zorg (laatst in \(away)) en telt opnieuw mee: instroomtarget van \(before) naar \(after)")
    }

    /// Prints the timeline until an entry of `kind` for the norm is there (the reporter
    /// follows monitor's log a moment later), so the story prints in the order it happened.
    private mutating func waitForTimeline(_ kind: String, norm: Int64) async throws {
        for _ in 0..<50 {
            try await printNews()
            if printed.contains(where: { $0.hasPrefix("\(kind)|\(norm)|") }) { return }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Waits until the reporter shows every cent declared so far (so what follows is
    /// printed in the month it happened), and a moment for monitor's events.
    private func settle(expectedCents: Int64, year: Int) async throws {
        let settled = await system.wait(seconds: 30) {
            guard let answer = try? await system.get("/api/spend?van=\(year - 1)-12&tot=\(year)-12"),
                let spend = try? JSONDecoder().decode(SpendTotal.self, from: answer.body)
            else { return false }
            return spend.total == expectedCents
        }
        if !settled { DemoOutput.say("   (de reporter loopt achter; de meldingen volgen)") }
        try await Task.sleep(for: .milliseconds(400))
    }

    private mutating func printNews() async throws {
        let answer = try await system.get("/api/timeline")
        let entries = try JSONDecoder().decode([TimelineEntry].self, from: answer.body)
        for entry in entries.reversed() {
            let key = "\(entry.kind)|\(entry.normID ?? 0)|\(entry.at)|\(entry.summary)"
            guard !printed.contains(key) else { continue }
            printed.insert(key)
            let norm = entry.normID.flatMap { normNames[$0] } ?? ""
            let label = Self.label(entry.kind)
            DemoOutput.say(
                "   • \(label.isEmpty ? "" : label + ": ")\(entry.summary)\(norm.isEmpty ? "" : " — \(norm)")")
        }
    }

    static func label(_ kind: String) -> String {
        switch kind {
        case "alert.firing": "Melding"
        case "alert.resolved": "Opgelost"
        case "stop.advised", "bestedingsruimte.advised": ""  // the summary starts with "Advies:"
        case "analysis.recorded": ""  // the summary starts with "Analysegesprek"
        case "cpv.decided", "cpv.intensity.decided": ""  // the summary starts with "CPV"
        case "stop.imposed": "Stop"
        case "stop.lifted": "Stop opgeheven"
        case "inflow.during.stop": "Instroom tijdens stop"
        case "notification.sent": "E-mail"
        default: kind
        }
    }

    /// The contract manager, as Nijmegen's practice describes it: the stop advice for the
    /// provider heading for its cap leads to an analysegesprek a month later; when that
    /// concludes an overrun is likely, a stop (with a CPV exemption for one newcomer) and
    /// a plan van aanpak. From three months on she would lift it, but only the four-month
    /// rule decides: an early attempt is refused, the lift follows the rule's advice.
    /// The newcomer referred by a Regieteam during the stop: exempt by the route.
    static let regieteamToewijzing = "7700003"

    private mutating func decide(month: Month, declarations: inout DemoYear) async throws {
        guard let norm = cappedNorm else { return }
        let provider = setting.providers[DemoSetting.headingForItsCap].name
        let manager = "J. de Vries (contractmanager)"
        let admin = AdminTarget(.monitor, configuration)
        if adviceIn == nil {
            guard printed.contains(where: { $0.hasPrefix("stop.advised|\(norm)|") && $0.contains("overwegen") })
            else { return }
            adviceIn = month
            DemoOutput.say("   → J. de Vries plant een analysegesprek met \(provider)")
        } else if stopImposedIn == nil, let advised = adviceIn, month > advised {
            // The conversation takes place once this month's declarations are in.
            let day = min(month.next.firstDay.adding(days: 9), today)
            let statuses = try AdminCall.send(NormListRequest(), to: admin)
            guard let status = statuses.first(where: { $0.norm.id == norm }) else { return }
            let likely = StopAdvice.imposeAdvised(norm: status.norm, value: status.value, forecast: status.forecast)
            _ = try AdminCall.send(
                AnalysisRecordRequest(
                    normID: norm, day: day, participants: "beleidsadviseur, \(provider), Buurtteam",
                    conclusion: likely
                        ? "overschrijding van de bestedingsruimte waarschijnlijk"
                        : "overschrijding niet meer waarschijnlijk",
                    plan: likely
                        ? "afschalen naar basishulp, trajecten verkorten, geen nieuwe cliënten buiten CPV en Regieteams"
                        : "",
                    followUp: nil, by: manager),
                to: admin)
            try await waitForTimeline("analysis.recorded", norm: norm)
            guard likely else {
                adviceIn = nil
                return
            }
            _ = try AdminCall.send(
                StopImposeRequest(
                    normID: norm, by: manager,
                    reason:
                        "analysegesprek \(DutchDate.text(day)): overschrijding waarschijnlijk, plan van aanpak loopt"),
                to: admin)
            // ToewijzingNummers are at most 8 characters (iJw).
            // The CPV grants one appeal (the client may start) and refuses the other.
            let exempt = "7700001"
            _ = try AdminCall.send(
                CPVDecisionRequest(
                    toewijzingNummer: exempt, normID: norm, granted: true,
                    reason: "onderbouwd beroep van de huisarts: geen alternatief in de basishulp", by: "CPV Nijmegen"),
                to: admin)
            _ = try AdminCall.send(
                CPVDecisionRequest(
                    toewijzingNummer: "7700002", normID: norm, granted: false,
                    reason: "Buurtteam kan de begeleiding zelf bieden", by: "CPV Nijmegen"),
                to: admin)
            DemoOutput.say(
                "   → J. de Vries legt een toeleidingsstop op; CPV zondert toewijzing \(exempt) uit en wijst 7700002 af"
            )
            stopImposedIn = month
            declarations.paused.insert(DemoSetting.headingForItsCap)
            declarations.reducing.insert(DemoSetting.headingForItsCap)
            declarations.scriptedArrivals[DemoSetting.headingForItsCap] = [exempt, "7700002", Self.regieteamToewijzing]
            try await Task.sleep(for: .milliseconds(300))
            try await printNews()
        } else if let imposed = stopImposedIn, !stopLifted, month >= imposed.adding(months: 3) {
            let advised = printed.contains { $0.hasPrefix("stop.advised|\(norm)|") && $0.contains("opgeheven") }
            if !advised {
                guard !liftRefused else { return }
                let attempt = try AdminCall.attempt(
                    StopLiftRequest(normID: norm, by: manager, reason: "plan van aanpak loopt"), to: admin)
                guard case .failure(let refusal) = attempt else {
                    throw DemoError("monitor hief de stop op terwijl de viermaandenregel dat afraadt")
                }
                DemoOutput.say("   → J. de Vries wil de stop opheffen; monitor weigert: \(refusal.reason)")
                liftRefused = true
                return
            }
            _ = try AdminCall.send(
                StopLiftRequest(normID: norm, by: manager, reason: "plan van aanpak werkt"), to: admin)
            DemoOutput.say("   → J. de Vries heft de stop op: binnen vier maanden wordt geen nieuwe stop verwacht")
            stopLifted = true
            declarations.paused.remove(DemoSetting.headingForItsCap)
            declarations.reducing.remove(DemoSetting.headingForItsCap)
            try await Task.sleep(for: .milliseconds(300))
            try await printNews()
        }
    }
}

struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
