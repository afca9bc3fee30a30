import Contracts
import Domain
import Foundation
import Runtime

/// The CPV's exception route for the intensiteitsnorm, as Nijmegen describes it
/// ("Verwijzers kunnen een beargumenteerd verzoek indienen bij de CPV"): before the year's
/// care, the CPV grants one VDB child 6 hours a week more for February–April, and refuses
/// more hours for the child whose care stays far above the norm. The granted child's
/// months are then above 18 hours a week but lawful; the refused child's excess stays
/// unlawful, as the alert says.
extension DemoRun {
    func decideIntensity(_ declarations: DemoYear, year: Int) async throws {
        guard let norm = intensityNorm,
            let granted = declarations.firstAllocation(of: DemoSetting.approvedIntensive),
            let refused = declarations.firstAllocation(of: DemoSetting.intensive)
        else { return }
        let months = DemoYear.approvedMonths
        try await send(
            IntensityCPVRequest(
                toewijzingNummer: granted, normID: norm, granted: true, extra: 6,
                from: Month(year: year, month: months.lowerBound)!,
                through: Month(year: year, month: months.upperBound)!,
                reason: "beargumenteerd verzoek van de jeugdarts: overgang naar het speciaal onderwijs in mei",
                by: "CPV Nijmegen"))
        try await send(
            IntensityCPVRequest(
                toewijzingNummer: refused, normID: norm, granted: false, extra: 8, from: Month(year: year, month: 3)!,
                through: Month(year: year, month: 5)!,
                reason: "meer uren vooral opvang; gesprek met het onderwijs over een overgangsvoorziening",
                by: "CPV Nijmegen"))
        DemoOutput.say(
            "   → CPV kent voor toewijzing \(granted) (\(setting.providers[DemoSetting.approvedIntensive].name)) "
                + "6 uur per week extra toe in februari t/m april; wijst meer uren voor toewijzing \(refused) af")
    }

    /// Monitor learns an allocation's client from the declarations it reads a moment after
    /// intake has them: a refusal for an allocation it does not know yet is tried again.
    private func send(_ request: IntensityCPVRequest) async throws {
        let admin = AdminTarget(.monitor, configuration)
        for attempt in 1...50 {
            let result = try AdminCall.attempt(request, to: admin)
            switch result {
            case .success: return
            case .failure(let refusal) where attempt < 50 && refusal.reason.contains("niet bekend"):
                try await Task.sleep(for: .milliseconds(200))
            case .failure(let refusal):
                throw DemoError("CPV-besluit over intensiteit geweigerd: \(refusal.reason)")
            }
        }
    }

    /// After April: the granted child's months are not above the norm (its CPV hours), so
    /// nothing of it is unlawful; the norm lists only months above it.
    func showApprovedIntensity(year: Int) throws {
        guard let norm = intensityNorm else { return }
        let agb = setting.providers[DemoSetting.approvedIntensive].agb
        let statuses = try AdminCall.send(NormListRequest(), to: AdminTarget(.monitor, configuration))
        guard let status = statuses.first(where: { $0.norm.id == norm }) else { return }
        let above = (status.intensityMonths ?? []).filter { $0.aanbieder == agb }.count
        let name = setting.providers[DemoSetting.approvedIntensive].name
        DemoOutput.say(
            above == 0
                ? "   • Intensiteit: de cliënt van \(name) kreeg in februari t/m april 95 uur per maand, boven 18 uur "
                    + "per week maar binnen de uren die de CPV toekende: niet onrechtmatig"
                : "   • Intensiteit: LET OP, \(above) maanden van de cliënt van \(name) boven de norm ondanks de CPV")
    }
}
