import Contracts
import Domain
import Foundation
import Logging
import Messaging
import PropertyBased
import Storage
import Testing

@testable import MonitorService

/// After any sequence of lines, credits, replays, norm changes, added norms and restarts,
/// each money norm's spend equals the sum recomputed from intake's log to the cent, and
/// the firing alerts are exactly the thresholds that sum reaches; each instroomtarget's
/// count equals the clients arriving in its scope and period by the twelve-month gap
/// rule, recounted from the log's accepted lines (a credit does not undo an arrival); and
/// each intensiteitsnorm's unlawful amount (per provider, or per child across providers)
/// equals the care above its limit plus the CPV's granted extra, recomputed from the log
/// and the decisions, with its alert firing exactly while that amount is above zero.
///
/// Each generated integer is one step; the generator shrinks a failing sequence to the
/// shortest one that still fails. The expectation is recomputed here with its own scope
/// matching, not with monitor's.
@Suite struct LedgerPropertyTests {
    static let providers = ["12345678", "87654321"]
    static let gemeenten = ["0268", "0209"]
    static let categories = ["45", "54"]
    /// 2024-11 and 2025-01 lie more than twelve months before some 2026 months: clients
    /// seen then and again in 2026 arrive twice.
    static let months =
        (1...12).map { Month(year: 2026, month: $0)! } + [
            Month(year: 2025, month: 12)!, Month(year: 2024, month: 11)!, Month(year: 2025, month: 1)!,
        ]

    /// What a norm counts, as the test understands it.
    struct Expected {
        var id: Int64
        var gemeenten: [String]
        var aanbieder: String?
        var categorieen: [String]
        var period: Period
        var limit: Int64
        var thresholds: [Int]

        func counts(_ line: DeclaredLine) -> Bool {
            (gemeenten.isEmpty || gemeenten.contains(line.gemeente)) && (aanbieder.map { $0 == line.aanbieder } ?? true)
                && (categorieen.isEmpty || categorieen.contains(line.productCategorie))
                && line.periodStart >= period.start && line.periodStart <= period.end
        }
    }

    final class World {
        let path: String
        var database: MonitorDatabase
        var core: MonitorCore
        var log: [LoggedEvent] = []
        var debits: [DeclaredLine] = []
        var credited: Set<Int64> = []
        var applied: [(line: DeclaredLine, sign: Int64)] = []
        var norms: [Expected] = []
        var targets: [Expected] = []
        /// Intensiteitsnormen (per provider, per child) and the CPV's decisions, as recorded.
        var intensityNorms: [(id: Int64, perChild: Bool)] = []
        var approvals: [(normID: Int64, aanbieder: String, client: String, extra: Int64, months: ClosedRange<Int>)] =
            []

        init() throws {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent("plafond-prop-\(UUID().uuidString)")
                .appendingPathComponent("monitor.sqlite").path
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            database = try MonitorDatabase.open(path: path)
            core = try World.makeCore(database)
        }

        static func makeCore(_ database: MonitorDatabase) throws -> MonitorCore {
            try MonitorCore(
                database: database, clock: { Date(timeIntervalSince1970: 1_780_000_000) },
                logger: Logger(label: "property"))
        }

        func restart() throws {
            database = try MonitorDatabase.open(path: path)
            core = try World.makeCore(database)
        }

        func publish(_ kind: EventKind, _ body: Data) throws {
            log.append(LoggedEvent(seq: Int64(log.count + 1), kind: kind.rawValue, body: body))
            try core.intakeSink(afterCommit: {}).apply([log.last!])
        }

        func addNorm(_ seed: Int) throws {
            let kind: NormKind = seed % 2 == 0 ? .bestedingsruimte : .signaalplafond
            let aanbieder: String? = seed % 3 == 0 ? nil : LedgerPropertyTests.providers[seed % 2]
            let gemeenten = seed % 5 == 0 ? [] : [LedgerPropertyTests.gemeenten[(seed / 2) % 2]]
            let categorieen = seed % 7 == 0 ? [] : [LedgerPropertyTests.categories[(seed / 3) % 2]]
            let period = seed % 4 == 0 ? "2026-H1" : "2026"
            let limit = Int64(20_000 + (seed % 13) * 5_000)
            let status = try core.addNorm(
                NormAddRequest(
                    name: "N\(seed)", kind: kind, gemeenten: gemeenten, aanbieder: aanbieder,
                    productCategorieen: categorieen, period: period, limit: limit))
            norms.append(
                Expected(
                    id: status.norm.id, gemeenten: gemeenten, aanbieder: aanbieder, categorieen: categorieen,
                    period: Period(parsing: period)!, limit: limit, thresholds: NormDefinition.defaultThresholds))
        }

        /// An instroomtarget over one provider or all, for one gemeente or all.
        func addTarget(_ seed: Int) throws {
            let aanbieder: String? = seed % 2 == 0 ? nil : LedgerPropertyTests.providers[seed % 2]
            let gemeenten = seed % 3 == 0 ? [] : [LedgerPropertyTests.gemeenten[seed % 2]]
            let period = seed % 4 == 0 ? "2026-H2" : "2026"
            let status = try core.addNorm(
                NormAddRequest(
                    name: "T\(seed)", kind: .instroomtarget, gemeenten: gemeenten, aanbieder: aanbieder,
                    productCategorieen: [], period: period, limit: 3))
            targets.append(
                Expected(
                    id: status.norm.id, gemeenten: gemeenten, aanbieder: aanbieder, categorieen: [],
                    period: Period(parsing: period)!, limit: 3, thresholds: NormDefinition.defaultThresholds))
        }

        /// 3 hours a month per client, every month above the norm structural ("1 of 1"), so
        /// the unlawful amount is simply the cost above the norm of every month.
        static let intensityLimit: Int64 = 3
        /// Weeks a year with care before the opening signal: three whole months pass it.
        static let openWeeks = 10
        /// Months in care at one provider before the duration signal.
        static let maxMonths = 2

        func addIntensityNorms() throws {
            for perChild in [false, true] {
                let status = try core.addNorm(
                    NormAddRequest(
                        name: perChild ? "I per kind" : "I per aanbieder", kind: .intensiteitsnorm, gemeenten: [],
                        aanbieder: nil, productCategorieen: [], period: "2026", limit: World.intensityLimit,
                        intensity: IntensityMeasure(
                            eenheid: "04", per: .maand, windowMonths: 1, monthsAbove: 1, perChild: perChild,
                            openWeeks: World.openWeeks, maxMonths: perChild ? nil : World.maxMonths)))
                intensityNorms.append((status.norm.id, perChild))
            }
        }

        /// A CPV decision for a client's allocation at one provider; monitor refuses it when it
        /// has seen no line under that allocation yet.
        func decideIntensity(_ value: Int) throws {
            guard !intensityNorms.isEmpty else { return }
            let norm = intensityNorms[value / 10 % intensityNorms.count]
            let aanbieder = LedgerPropertyTests.providers[value / 20 % 2]
            let client = "p-\(value / 40 % 4)"
            let extra = Int64(value / 160 % 3 + 1)
            let first = value / 480 % 12 + 1
            let last = min(12, first + value / 5_760 % 3)
            let granted = value / 17_280 % 4 != 0
            let request = IntensityCPVRequest(
                toewijzingNummer: "\(aanbieder)-\(client)", normID: norm.id, granted: granted, extra: extra,
                from: Month(year: 2026, month: first)!, through: Month(year: 2026, month: last)!, reason: "r", by: "CPV"
            )
            let known = debits.contains { $0.aanbieder == aanbieder && $0.client == client }
            do {
                _ = try core.decideIntensityCPV(request)
                #expect(known, "an allocation monitor never saw was accepted")
                if granted { approvals.append((norm.id, aanbieder, client, extra, first...last)) }
            } catch let error as MonitorError {
                #expect(!known && error.code == .notFound, "\(error)")
            }
        }

        /// Per provider (or all, per child) and client and month of 2026: minutes and cents
        /// used; above the limit plus the granted extra, the month's cost in proportion.
        func expectedUnlawful(normID: Int64, perChild: Bool) -> Int64 {
            var used: [String: (minutes: Int64, cents: Int64)] = [:]
            var keys: [String: (aanbieder: String, client: String, month: Int)] = [:]
            for (line, sign) in applied where line.periodStart.year == 2026 {
                let aanbieder = perChild ? "" : line.aanbieder
                let key = "\(aanbieder)/\(line.client)/\(line.periodStart.monthNumber)"
                used[key, default: (0, 0)].minutes += line.volume * 60 * sign
                used[key, default: (0, 0)].cents += line.amountCents * sign
                keys[key] = (aanbieder, line.client, line.periodStart.monthNumber)
            }
            var total: Int64 = 0
            for (key, use) in used {
                let (aanbieder, client, month) = keys[key]!
                let extra = approvals.filter {
                    $0.normID == normID && $0.client == client && (perChild || $0.aanbieder == aanbieder)
                        && $0.months.contains(month)
                }.reduce(Int64(0)) { $0 + $1.extra }
                let above = max(0, use.minutes - (World.intensityLimit + extra) * 60)
                if above > 0 && use.minutes > 0 && use.cents > 0 { total += use.cents * above / use.minutes }
            }
            return total
        }

        /// The clients signalled for more than `openWeeks` ISO weeks with care in a year:
        /// every debit line's period in 2026 (a credit takes no week away), per provider or
        /// per child.
        func expectedOpeningSignals(perChild: Bool) -> Set<String> {
            var weeks: [String: Set<OpeningWeeks.Week>] = [:]
            for (line, sign) in applied where sign == 1 && line.periodStart.year == 2026 {
                let key = "\(perChild ? "" : line.aanbieder)/\(line.client)"
                weeks[key, default: []].formUnion(OpeningWeeks.weeks(from: line.periodStart, through: line.periodEnd))
            }
            var signalled: Set<String> = []
            for (key, set) in weeks {
                for (year, count) in Dictionary(grouping: set, by: \.year).mapValues(\.count)
                where count > World.openWeeks {
                    signalled.insert("\(key)/\(year)")
                }
            }
            return signalled
        }

        /// Per provider and client, each arrival (a month of care with none in the twelve
        /// before) whose episode has a month in 2026 more than `maxMonths` on from it.
        func expectedDurationSignals() -> Set<String> {
            var care: [String: Set<Int>] = [:]
            for (line, sign) in applied where sign == 1 {
                care["\(line.aanbieder)/\(line.client)", default: []].insert(
                    line.periodStart.year * 12 + line.periodStart.monthNumber - 1)
            }
            var result: Set<String> = []
            for (key, months) in care {
                let arrivals = months.filter { month in !(1...12).contains { months.contains(month - $0) } }
                for month in months where month / 12 == 2026 {
                    guard let arrival = arrivals.filter({ $0 <= month }).max(), month - arrival + 1 > World.maxMonths
                    else { continue }
                    result.insert("\(key)/\(Month(year: arrival / 12, month: arrival % 12 + 1)!)")
                }
            }
            return result
        }

        /// Clients arriving in the target's period: per provider and client, a month of care
        /// in scope with none in the twelve months before it.
        func expectedArrivals(_ target: Expected) -> Int64 {
            var care: [String: Set<Int>] = [:]
            for (line, sign) in applied where sign == 1 {
                guard (target.gemeenten.isEmpty || target.gemeenten.contains(line.gemeente)),
                    target.aanbieder.map({ $0 == line.aanbieder }) ?? true
                else { continue }
                let index = line.periodStart.year * 12 + line.periodStart.monthNumber
                care["\(line.aanbieder)/\(line.client)", default: []].insert(index)
            }
            let first = target.period.start.year * 12 + target.period.start.monthNumber
            let last = target.period.end.year * 12 + target.period.end.monthNumber
            return Int64(
                care.values.filter { months in
                    months.contains { month in
                        (first...last).contains(month) && !(1...12).contains { months.contains(month - $0) }
                    }
                }.count)
        }

        func step(_ value: Int) throws {
            switch value % 10 {
            case 0...4:
                let line = DeclaredLine(
                    lineID: Int64(debits.count + 1), aanbieder: LedgerPropertyTests.providers[value / 10 % 2],
                    gemeente: LedgerPropertyTests.gemeenten[value / 20 % 2], client: "p-\(value / 40 % 4)",
                    referentieNummer: "R\(debits.count + 1)", vorigReferentieNummer: nil,
                    // One allocation per provider and client, as the CPV's decisions name them.
                    toewijzingNummer:
                        "\(LedgerPropertyTests.providers[value / 10 % 2])-p-\(value / 40 % 4)",
                    productCategorie: LedgerPropertyTests.categories[value / 160 % 2], productCode: nil,
                    periodStart: LedgerPropertyTests.months[value / 320 % LedgerPropertyTests.months.count].firstDay,
                    periodEnd: LedgerPropertyTests.months[value / 320 % LedgerPropertyTests.months.count].lastDay,
                    volume: 1, eenheid: "04",
                    tariffCents: nil, amountCents: Int64(value % 7_919) + 1, declaratieNummer: "D",
                    receivedOn: Day(iso: "2026-06-01")!)
                debits.append(line)
                applied.append((line, 1))
                try publish(LineAccepted.kind, try LineAccepted(line: line).encoded())
            case 5, 6:
                guard
                    let line = debits.filter({ !credited.contains($0.lineID) }).dropFirst(value / 10).first
                        ?? debits.first(where: { !credited.contains($0.lineID) })
                else { return }
                credited.insert(line.lineID)
                applied.append((line, -1))
                try publish(LineCredited.kind, try LineCredited(line: line).encoded())
            case 7:
                guard !norms.isEmpty else { return }
                let index = value / 10 % norms.count
                let limit = Int64(10_000 + (value / 10 % 17) * 4_000)
                _ = try core.changeNorm(NormChangeRequest(id: norms[index].id, limit: limit))
                norms[index].limit = limit
            case 8:
                // A restart, and intake's last events delivered again (PUB and catch-up racing).
                try restart()
                try core.intakeSink(afterCommit: {}).apply(Array(log.suffix(3)))
            default:
                // One in three of these steps is a CPV decision on intensity.
                if value / 10 % 3 == 0 { try decideIntensity(value / 30) } else { try addNorm(value / 10) }
            }
        }

        func check() throws {
            let statuses = Dictionary(uniqueKeysWithValues: try core.normStatuses().map { ($0.norm.id, $0) })
            for norm in norms {
                let expected = applied.filter { norm.counts($0.line) }.reduce(Int64(0)) {
                    $0 + $1.line.amountCents * $1.sign
                }
                let status = try #require(statuses[norm.id])
                #expect(status.value == expected, "norm \(norm.id): spend")
                let reached = norm.thresholds.filter { Int64($0) * norm.limit <= expected * 100 }
                #expect(status.firing == reached, "norm \(norm.id): firing alerts at \(expected) of \(norm.limit)")
            }
            for target in targets {
                let status = try #require(statuses[target.id])
                #expect(status.value == expectedArrivals(target), "target \(target.id): arrivals")
            }
            for norm in intensityNorms {
                let status = try #require(statuses[norm.id])
                let expected = expectedUnlawful(normID: norm.id, perChild: norm.perChild)
                #expect(status.value == expected, "intensity \(norm.id): unlawful amount")
                #expect(status.firing == (expected > 0 ? [100] : []), "intensity \(norm.id): its alert")
                // Each client and year signalled once, exactly those above the weeks norm.
                let signals = try OutboxEventSource(reader: core.database.writer).events(after: 0, limit: 100_000)
                    .filter { $0.kind == OpeningWeeksAbove.kind.rawValue }
                    .map { try OpeningWeeksAbove.decoded(from: $0.body) }.filter { $0.normID == norm.id }
                    .map { "\($0.aanbieder)/\($0.client)/\($0.year)" }
                #expect(signals.count == Set(signals).count, "intensity \(norm.id): a client signalled twice")
                #expect(Set(signals) == expectedOpeningSignals(perChild: norm.perChild), "intensity \(norm.id): weeks")
                // Every client-arrival now beyond the duration norm was signalled, none twice
                // (a late line that ends a gap can name an earlier arrival: signalled anew).
                let durations = try OutboxEventSource(reader: core.database.writer).events(after: 0, limit: 100_000)
                    .filter { $0.kind == CareDurationAbove.kind.rawValue }
                    .map { try CareDurationAbove.decoded(from: $0.body) }.filter { $0.normID == norm.id }
                    .map { "\($0.aanbieder)/\($0.client)/\($0.arrival)" }
                #expect(durations.count == Set(durations).count, "intensity \(norm.id): a duration signalled twice")
                if !norm.perChild {
                    #expect(
                        expectedDurationSignals().isSubset(of: Set(durations)), "intensity \(norm.id): duration")
                }
            }
        }
    }

    @Test func everyNormsSpendIsTheSumOfItsLinesAndItsAlertsFollowTheThresholds() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...100_000).array(of: 1...80)) { steps in
            do {
                let world = try World()
                defer {
                    try? FileManager.default.removeItem(atPath: (world.path as NSString).deletingLastPathComponent)
                }
                for seed in [0, 1, 2, 11] { try world.addNorm(seed) }
                for seed in [0, 1, 3, 4] { try world.addTarget(seed) }
                try world.addIntensityNorms()
                for step in steps { try world.step(step) }
                try world.check()
            } catch {
                Issue.record(error)
            }
        }
    }
}
