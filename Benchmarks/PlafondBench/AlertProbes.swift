import Contracts
import Domain
import Foundation
import IJW
import Messaging
import Storage
import Synchronization

/// The alert-latency probes: providers of their own (AGB 8xxxxxxx), each with a
/// signaalplafond of € 1.000,00 over three gemeenten, and one-line JW323s that cross
/// exactly one threshold each: € 738,00 (70%), then € 221,40 (90%), then € 73,80 (100%).
/// Each step goes to the next of the three gemeenten, so a probe sends each gemeente one
/// declaration for the month, as a provider does (TR318).
struct AlertProbes: Sendable {
    static let gemeenten = ["0268", "0209", "0252"]
    static let limitCents: Int64 = 100_000
    static let tariffCents: Int64 = 7_380
    /// Hours per step and the threshold each step crosses: 73.8%, 95.9%, 103.3%.
    static let steps: [(volume: Int64, threshold: Int)] = [(10, 70), (3, 90), (1, 100)]

    let providers: Int
    let month: Month

    static func agb(_ probe: Int) -> String { String(format: "8%07d", probe) }
    static func name(_ probe: Int) -> String { "Meetnorm \(probe)" }

    func norms() -> [NormAddRequest] {
        (0..<providers).map { probe in
            NormAddRequest(
                name: Self.name(probe), kind: .signaalplafond, gemeenten: Self.gemeenten, aanbieder: Self.agb(probe),
                productCategorieen: ["45"], period: String(month.year), limit: Self.limitCents)
        }
    }

    func declaration(probe: Int, step: Int, today: Day) -> Data {
        let id = "P\(probe)S\(step)"
        let volume = Self.steps[step].volume
        let line = DeclarationLine(
            referentieNummer: "R\(id)", vorigReferentieNummer: nil, toewijzingNummer: "7\(probe * 10 + step)",
            productCategorie: "45", productCode: "45A03", productPeriode: .month(month), geleverdVolume: volume,
            eenheid: "04", productTarief: Self.tariffCents, ingediendBedrag: Self.tariffCents * volume,
            debetCredit: .debet)
        return JW323Writer.write(
            .balanced(
                afzender: Self.agb(probe), ontvanger: Self.gemeenten[step], identificatie: id, dagtekening: today,
                declaratieNummer: id, periode: month,
                clients: [DeclaredClient(bsn: NationalLoad.bsn(5_000_000 + probe), lines: [line])]))
    }
}

/// Monitor's event log as the benchmark follows it: the moment each `alert.firing`
/// (about the value, not a forecast) arrived, by norm and threshold. Kept in memory: the
/// benchmark starts from the beginning of monitor's log every run.
final class AlertArrivals: EventSink {
    struct Arrival {
        var alertID: Int64
        var at: Date
    }

    private let state = Mutex<(applied: Int64, arrivals: [String: Arrival])>((0, [:]))

    func appliedSequence() throws -> Int64 { state.withLock { $0.applied } }

    func apply(_ events: [LoggedEvent]) throws {
        let now = Date()
        var found: [(String, Arrival)] = []
        for event in events where event.eventKind == AlertFiring.kind {
            let alert = try AlertFiring.decoded(from: event.body)
            guard alert.alertKind == .actual else { continue }
            found.append(("\(alert.norm.id)/\(alert.threshold)", Arrival(alertID: alert.alertID, at: now)))
        }
        state.withLock { state in
            state.applied = events.last?.seq ?? state.applied
            for (key, arrival) in found where state.arrivals[key] == nil { state.arrivals[key] = arrival }
        }
    }

    func arrival(norm: Int64, threshold: Int) -> Arrival? {
        state.withLock { $0.arrivals["\(norm)/\(threshold)"] }
    }
}

/// The SMTP sink's mails as they come in: for every alert id a mail names (header
/// X-Plafond-Meldingen), the moment the sink had received it (X-Sink-Received-At). The
/// sink numbers its files 000001.eml, 000002.eml, …, so only new files are read.
final class MailArrivals: Sendable {
    let folder: URL
    private let state = Mutex<(next: Int, received: [Int64: Date])>((1, [:]))

    init(folder: URL) { self.folder = folder }

    func receivedAt(alertID: Int64) -> Date? {
        state.withLock { state in
            readNewMails(&state.next, &state.received)
            return state.received[alertID]
        }
    }

    private func readNewMails(_ next: inout Int, _ received: inout [Int64: Date]) {
        while let data = FileManager.default.contents(
            atPath: folder.appendingPathComponent(String(format: "%06d.eml", next)).path)
        {
            next += 1
            let text = String(decoding: data.prefix(4_096), as: UTF8.self)
            var at: Date?
            var ids: [Int64] = []
            for line in text.split(separator: "\r\n") {
                if line.hasPrefix("X-Sink-Received-At: "), let seconds = Double(line.dropFirst(20)) {
                    at = Date(timeIntervalSince1970: seconds)
                } else if line.hasPrefix("X-Plafond-Meldingen: ") {
                    ids = line.dropFirst(21).split(separator: ",").compactMap {
                        Int64($0.trimmingCharacters(in: .whitespaces))
                    }
                }
            }
            if let at { for id in ids where received[id] == nil { received[id] = at } }
        }
    }
}
