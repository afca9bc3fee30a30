import Contracts
import Domain
import Foundation
import Hummingbird
import Logging

/// What a contract manager does from a norm's page, each through the service that owns
/// the fact and with the logged-in person's name as `by`:
/// `POST /normen/{id}/bevestigen` (acknowledge an alert, with a note),
/// `/stilzetten` (silence the norm's alerts until a day), `/stop-opleggen`,
/// `/stop-opheffen`, `/analysegesprek` (record one), `/uitzonderen` (exempt an allocation). A `lezer` gets 403. After
/// the action the page shows what was done; the owner's event brings it to the timeline.
struct ActionRoutes {
    let services: OwningServices
    let logger: Logger

    func register(on router: Router<ReporterRequestContext>) {
        let services = self.services
        let logger = self.logger
        func action(
            _ path: String, _ perform: @escaping @Sendable (Int64, FormFields, Session) async throws -> String
        ) {
            router.post("/normen/:id/\(path)") { _, context -> Response in
                guard let session = context.session, let fields = context.form else {
                    return HTMLResponse.redirect(to: "/inloggen")
                }
                guard session.role.mayAct else {
                    return HTMLResponse.page(
                        HTML.page(
                            title: "Geen toegang",
                            body:
                                "<h1>Geen toegang</h1><p>Met de rol \(session.role.rawValue) kunt u meekijken, niet handelen. Vraag de beheerder om de rol contractmanager.</p>",
                            viewer: session.viewer),
                        status: .forbidden)
                }
                guard let normID = context.parameters.get("id", as: Int64.self) else {
                    return HTMLResponse.page(
                        HTML.page(title: "Onbekend", body: "<h1>Deze norm bestaat niet</h1>"), status: .notFound)
                }
                do {
                    let done = try await perform(normID, fields, session)
                    logger.notice(
                        "dashboard action",
                        metadata: ["norm.id": "\(normID)", "action": "\(path)", "user": "\(session.name)"])
                    return HTMLResponse.redirect(to: "/normen/\(normID)?gedaan=\(LoginRoutes.encodeReturn(done))")
                } catch let error as AccessError {
                    return HTMLResponse.redirect(
                        to: "/normen/\(normID)?fout=\(LoginRoutes.encodeReturn(error.message))")
                } catch {
                    // An answer the reporter cannot read: the person gets words, the log the cause.
                    logger.error(
                        "dashboard action failed",
                        metadata: ["norm.id": "\(normID)", "action": "\(path)", "error": "\(error)"])
                    return HTMLResponse.redirect(
                        to:
                            "/normen/\(normID)?fout=\(LoginRoutes.encodeReturn("onverwachte fout; zie het logboek van de reporter"))"
                    )
                }
            }
        }
        action("bevestigen") { _, fields, session in
            guard let alertID = fields.text("melding").flatMap({ Int64($0) }) else {
                throw AccessError(.invalidRequest, "kies een melding")
            }
            let event = try await services.send(
                AlertAckRequest(alertID: alertID, by: session.name, note: fields.text("notitie") ?? ""),
                to: services.notifierAdmin)
            return "Melding \(event.alertID) bevestigd."
        }
        action("stilzetten") { normID, fields, session in
            guard let until = fields.text("tot").flatMap(Day.init(iso:)) else {
                throw AccessError(.invalidRequest, "geef een datum (JJJJ-MM-DD) tot wanneer")
            }
            let event = try await services.send(
                AlertSilenceRequest(
                    alertID: nil, normID: normID, until: until, by: session.name, reason: fields.text("reden") ?? ""),
                to: services.notifierAdmin)
            return "\(event.alertIDs.count) melding(en) stil tot \(DutchDate.text(until))."
        }
        action("stop-opleggen") { normID, fields, session in
            guard let reason = fields.text("reden") else { throw AccessError(.invalidRequest, "geef een reden") }
            let conversation =
                fields.text("analysegesprek").flatMap(Day.init(iso:)).map {
                    "na het analysegesprek van \(DutchDate.text($0)): "
                } ?? ""
            let event = try await services.send(
                StopImposeRequest(normID: normID, by: session.name, reason: conversation + reason),
                to: services.monitorAdmin)
            return "Toeleidingsstop \(event.stopID) opgelegd."
        }
        action("stop-opheffen") { normID, fields, session in
            guard let reason = fields.text("reden") else { throw AccessError(.invalidRequest, "geef een reden") }
            let event = try await services.send(
                StopLiftRequest(normID: normID, by: session.name, reason: reason, despite: fields.text("ondanks")),
                to: services.monitorAdmin)
            return event.despite == nil
                ? "Toeleidingsstop \(event.stopID) opgeheven."
                : "Toeleidingsstop \(event.stopID) opgeheven, ondanks de viermaandenregel."
        }
        action("analysegesprek") { normID, fields, session in
            guard let day = fields.text("datum").flatMap(Day.init(iso:)) else {
                throw AccessError(.invalidRequest, "geef de datum van het gesprek (JJJJ-MM-DD)")
            }
            guard let conclusion = fields.text("conclusie") else {
                throw AccessError(.invalidRequest, "geef de conclusie")
            }
            var followUp: Day?
            if let text = fields.text("vervolg") {
                guard let day = Day(iso: text) else { throw AccessError(.invalidRequest, "ongeldige vervolgdatum") }
                followUp = day
            }
            let event = try await services.send(
                AnalysisRecordRequest(
                    normID: normID, day: day, participants: fields.text("deelnemers") ?? "", conclusion: conclusion,
                    plan: fields.text("plan") ?? "", followUp: followUp, by: session.name),
                to: services.monitorAdmin)
            return "Analysegesprek van \(DutchDate.text(event.day)) vastgelegd."
        }
        action("uitzonderen") { _, fields, session in
            guard let allocation = fields.text("toewijzing") else {
                throw AccessError(.invalidRequest, "geef het toewijzingnummer")
            }
            guard let reason = fields.text("reden").flatMap(ExemptionReason.init(rawValue:)) else {
                throw AccessError(.invalidRequest, "geef de uitzonderingsroute, bijvoorbeeld CPV, Regieteam of RET")
            }
            _ = try await services.send(
                ExemptRequest(toewijzingNummer: allocation, reason: reason, by: session.name),
                to: services.monitorAdmin)
            return "Toewijzing \(allocation) uitgezonderd (\(reason.rawValue))."
        }
    }
}
