import ArgumentParser
import Domain
import Foundation
import Histogram
import IJW
import Runtime
import Synchronization

/// `plafond loadgen`: N provider systems pushing JW323s at intake, as fast as it answers or
/// at a chosen rate (each waits for its answer before sending the next, as a real system
/// does), reporting answers and lines per second and the latency percentiles.
struct LoadgenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadgen", abstract: "Belasting: gelijktijdige aanbieders die declaraties sturen.")

    @OptionGroup var options: ServiceOptions
    @Option(name: .long, help: "Intake-adres (standaard uit de configuratie).") var endpoint: String?
    @Option(name: .customLong("aanbieders"), help: "Gelijktijdige aanbiedersystemen.") var clients = 4
    @Option(name: .customLong("berichten"), help: "Declaraties per aanbieder.") var messages = 20
    @Option(name: .customLong("regels"), help: "Regels per declaratie.") var lines = 1_000
    @Option(
        name: .customLong("gemeente"),
        help: "Ontvanger van de declaraties; herhaal voor meer gemeenten (standaard 0268).")
    var gemeenten: [String] = []
    @Option(
        name: .customLong("per-seconde"),
        help: "Declaraties per seconde van alle aanbieders samen (standaard: zo snel als intake antwoordt).")
    var rate: Double?

    /// The gemeenten declared to: one declaration per gemeente per month each (TR318).
    var receivers: [String] { gemeenten.isEmpty ? ["0268"] : gemeenten }

    func validate() throws {
        guard (1...99).contains(clients), (1...9_999).contains(lines) else {
            throw ValidationError("aanbieders 1–99, regels 1–9999")
        }
        let most = LoadDeclaration.capacity(gemeenten: receivers.count)
        guard (1...most).contains(messages) else {
            throw ValidationError(
                "berichten 1–\(most): een aanbieder stuurt één declaratie per gemeente per maand, tot vijf jaar terug; "
                    + "geef meer gemeenten met --gemeente")
        }
        guard Set(receivers).count == receivers.count else { throw ValidationError("een gemeente staat er twee keer") }
        if let rate, !(rate > 0) { throw ValidationError("--per-seconde moet groter dan 0 zijn") }
    }

    func run() async throws {
        let target = try endpoint ?? options.configuration().intake.endpoint
        let run = String(UInt32.random(in: 0..<46_656), radix: 36)
        let last = Day.today().month.previous
        print("Voorbereiden: \(clients) × \(messages) declaraties van \(lines) regels…")
        // Per aanbieder één declaratie per gemeente per maand, de oudste maand eerst.
        let documents = (0..<clients).map { c in
            (0..<messages).map { m in
                let slot = LoadDeclaration.slot(message: m, count: messages, gemeenten: receivers, last: last)
                return LoadDeclaration.make(
                    run: run, client: c, message: m, lines: lines, month: slot.month, gemeente: slot.gemeente,
                    dagtekening: Day.today())
            }
        }
        let latencies = Mutex(
            Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three))
        let senders = ProviderSenders(endpoint: target, senders: clients)
        let started = ContinuousClock.now
        var failure: (any Error)?
        do {
            // Sender c sends declarations c, c + clients, …: its own, in order.
            try senders.run(
                count: clients * messages, interval: rate.map { Double(clients) / $0 },
                make: { documents[$0 % clients][$0 / clients] },
                answered: { elapsed, _ in
                    let micros = elapsed.components
                    let value = UInt64(micros.seconds) * 1_000_000 + UInt64(micros.attoseconds / 1_000_000_000_000)
                    _ = latencies.withLock { $0.record(value) }
                })
        } catch {
            failure = error
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let total = senders.answers
        let histogram = latencies.withLock { $0 }
        func ms(_ p: Double) -> String { String(format: "%.1f", Double(histogram.valueAtPercentile(p)) / 1000) }
        print(
            String(
                format: "%d antwoorden (%d volledig toegekend) in %.2f s", total, senders.fullyApproved,
                seconds))
        print(
            String(
                format: "%.1f declaraties/s, %.0f regels/s", Double(total) / seconds, Double(total * lines) / seconds))
        print("latentie ms: p50 \(ms(50)) · p90 \(ms(90)) · p99 \(ms(99)) · max \(ms(100))")
        if let failure { FileHandle.standardError.write(Data("\(failure)\n".utf8)) }
        if total < clients * messages { throw ExitCode.failure }
    }
}
