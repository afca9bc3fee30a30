import Domain
import Foundation
import Testing

/// `plafond demo` from start to end with the real executables and SMTP sink: the year's
/// scenario happens and is printed, mail arrives, and afterwards no file outside
/// intake's store holds a single client's BSN.
@Suite struct DemoTests {
    /// The BSNs the demo gives its clients (a counter with its 11-test check digit), as
    /// an independent oracle for the scan.
    static func demoBSNs(upTo count: Int) -> Set<String> {
        var result = Set<String>()
        for number in 1...count {
            let digits = String(format: "%08d", 20_000_000 + number).compactMap { $0.wholeNumberValue }
            let check = digits.enumerated().reduce(0) { $0 + (9 - $1.offset) * $1.element } % 11
            if check < 10 { result.insert(digits.map(String.init).joined() + String(check)) }
        }
        return result
    }

    /// Every nine consecutive digits in a file (SQLite packs a row's fields together, so a
    /// BSN can touch other digits), except inside hexadecimal tokens: pseudonyms and ids
    /// are long hex strings whose digit runs would match by chance.
    static func nineDigitRuns(_ data: Data) -> Set<String> {
        let bytes = [UInt8](data)
        let isDigit = { (b: UInt8) in (48...57).contains(b) }
        let isHexLetter = { (b: UInt8) in (97...102).contains(b) || (65...70).contains(b) }
        var found = Set<String>()
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            let before = start > 0 ? bytes[start - 1] : 0
            let after = index < bytes.count ? bytes[index] : 0
            guard index - start >= 9, !isHexLetter(before), !isHexLetter(after) else { continue }
            for window in start...(index - 9) {
                found.insert(String(decoding: bytes[window..<window + 9], as: UTF8.self))
            }
        }
        return found
    }

    func runDemo(folder: URL, basePort: Int) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = RunningSystem.binaryFolder().appendingPathComponent("plafond")
                    process.arguments = [
                        "demo", "--stop-na-afloop", "--map", folder.path, "--poort", String(basePort), "--smtp-sink",
                        RunningSystem.packageRoot.appendingPathComponent("Tests/Support/smtp_sink.py").path,
                    ]
                    let pipe = Pipe()
                    process.standardOutput = pipe
                    process.standardError = pipe
                    try process.run()
                    let timer = DispatchWorkItem { process.terminate() }
                    DispatchQueue.global().asyncAfter(deadline: .now() + 600, execute: timer)
                    let output = pipe.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    timer.cancel()
                    continuation.resume(returning: (process.terminationStatus, String(decoding: output, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    func fetchReports(folder: URL, basePort: Int) throws {
        let reporter = Process()
        reporter.executableURL = RunningSystem.binaryFolder().appendingPathComponent("reporter")
        reporter.arguments = ["--config", folder.appendingPathComponent("plafond.toml").path]
        reporter.standardOutput = FileHandle.nullDevice
        reporter.standardError = FileHandle.nullDevice
        try reporter.run()
        defer {
            reporter.terminate()
            reporter.waitUntilExit()
        }
        let year = Day.today().month.previous.year
        for format in ["csv", "html", "json"] {
            let url = URL(
                string:
                    "http://127.0.0.1:\(basePort + 80)/api/rapport?regio=Rijk%20van%20Nijmegen&periode=\(year)&formaat=\(format)"
            )!
            var body: Data?
            for _ in 0..<100 where body == nil {
                body = try? Data(contentsOf: url)
                if body == nil { usleep(100_000) }
            }
            let report = try #require(body, "no \(format) report")
            #expect(report.count > 1_000)
            try report.write(to: folder.appendingPathComponent("rapport.\(format)"))
        }
        // Nijmegen's own report: the regio's jeugd-GGZ split naar rato, Nijmegen's share
        // as its limit and the regio's beside it.
        let url = URL(
            string: "http://127.0.0.1:\(basePort + 80)/api/rapport?gemeente=0268&periode=\(year)&formaat=json")!
        let data = try Data(contentsOf: url)
        try data.write(to: folder.appendingPathComponent("rapport-0268.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let norms = try #require(json["norms"] as? [[String: Any]])
        let split = try #require(norms.first { ($0["name"] as? String)?.contains("naar rato van jeugdigen") == true })
        let whole = try #require(split["whole"] as? [String: Any])
        let limit = try #require((whole["limit"] as? NSNumber)?.int64Value)
        // 33.500 of 62.900 youth inhabitants: 53,26% (5325,9… basis points, rounded up by the remainder).
        #expect(whole["sharePercentage"] as? Double == 53.26)
        let shares = try #require(
            BudgetShares.naarRato([
                "0268": 33_500, "0296": 8_100, "1945": 6_400, "0209": 5_900, "0225": 4_300, "0252": 3_300,
                "0944": 1_400,
            ]))
        #expect((split["limit"] as? NSNumber)?.int64Value == BudgetShares.split(limit, shares: shares)["0268"])
    }

    @Test func theYearPlaysOutAndNoBSNLeavesIntake() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plafond-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Below the ephemeral range (32768+) that FreePorts hands to the other tests.
        let basePort = 10_000 + Int(ProcessInfo.processInfo.processIdentifier % 220) * 100
        let (status, output) = try await runDemo(folder: folder, basePort: basePort)
        #expect(status == 0, "\(output)")
        for expected in [
            "Drempel 100% bereikt (prognose)", "toeleidingsstop overwegen", "legt een toeleidingsstop op",
            "3 van 3 nieuwe cliënten gestart",
            "Regieteam Nijmegen-Oost verwijst 1 cliënt (JW315): route Regieteam",
            "Nieuwe cliënt tijdens de stop, niet uitgezonderd", "heft de stop op",
            "verdeeld naar rato van jeugdigen: Nijmegen 53,26%",
            "CPV kende een uitzondering op de stop toe", "CPV wees een verzoek om uitzondering af",
            "Drempel 70% bereikt (stand)", "boven de intensiteitsnorm", "declareert maart pas nu",
            // The CPV's route for intensity: granted hours are lawful, a refusal is on record.
            "CPV kende meer zorg boven de intensiteitsnorm toe (6 uur per week extra",
            "CPV wees een verzoek om meer zorg boven de norm af",
            "binnen de uren die de CPV toekende: niet onrechtmatig",
            "na twaalf maanden zonder zorg (laatst in januari \(Day.today().month.previous.year - 1)) en telt opnieuw mee",
            "Dashboard:  http://127.0.0.1:\(basePort + 80)/", "\nInloggen: contractmanager / ",
        ] {
            #expect(output.contains(expected), "missing: \(expected)")
        }
        // Every month's declarations are granted whole: the demo's providers declare as real
        // ones do, one per gemeente per month (the late declarer's March rides along in May,
        // IV090, never behind April, TR318) and each client once per declaration (TR101).
        let months = output.split(separator: "\n").filter { $0.hasPrefix("== Zorgmaand") }
        #expect(months.count >= 2, "\(output)")
        for month in months {
            let counts = month.matches(of: /(\d+) declaraties, (\d+) volledig toegekend/).first
            #expect(counts != nil && counts?.output.1 == counts?.output.2, "\(month)")
        }
        // Only one newcomer during the stop is flagged: the others came by the CPV (by
        // hand) and by the Regieteam route (the referring team's name).
        #expect(output.components(separatedBy: "Nieuwe cliënt tijdens de stop").count == 2)
        try expectTheStopRulesHold(output)
        // The returning client raised the instroomtarget's count ("van 3 naar 4").
        let returning = try #require(output.components(separatedBy: "\n").first { $0.contains("telt opnieuw mee") })
        let counts = returning.components(separatedBy: "instroomtarget van ").last?.components(separatedBy: " naar ")
            .compactMap { Int($0) }
        #expect(counts?.count == 2 && counts![1] > counts![0], "\(returning)")
        let mails = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("mail").path)
        #expect(mails.filter { $0.hasSuffix(".eml") }.count >= 5)

        // The reports too: the reporter alone on the demo's store writes them into the folder.
        try fetchReports(folder: folder, basePort: basePort)

        let bsns = Self.demoBSNs(upTo: 12_000)
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap {
                $0 as? URL
            } ?? []
        var scanned = 0
        var intakeHasThem = false
        for file in files where !file.hasDirectoryPath {
            let data = try Data(contentsOf: file)
            let leaked = Self.nineDigitRuns(data).intersection(bsns)
            if file.lastPathComponent.hasPrefix("intake.sqlite") {
                intakeHasThem = intakeHasThem || !leaked.isEmpty
                continue
            }
            scanned += 1
            #expect(leaked.isEmpty, "\(file.lastPathComponent) holds \(leaked.sorted().prefix(3)) (\(leaked.count))")
        }
        // The scan can find them: intake's own store must hold them.
        #expect(intakeHasThem)
        #expect(scanned >= 11)  // logs, mails, the other stores, three reports
    }

    /// The demo follows the rules it shows: no forecast alert or stop advice before three
    /// complete months (January to March, complete once April is declared), advice then
    /// an analysegesprek then the stop, and a lift only once the four-month rule holds, so
    /// no new advice for that norm follows it.
    func expectTheStopRulesHold(_ output: String) throws {
        let year = Day.today().month.previous.year
        let lines = output.components(separatedBy: "\n")
        func first(_ text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
        let april = try #require(first("== Zorgmaand \(year)-04"))
        let forecastAlert = try #require(first("(prognose)"))
        let advice = try #require(first("toeleidingsstop overwegen"))
        #expect(forecastAlert > april)
        #expect(advice > april)
        #expect(lines[advice].contains("spreiding"))
        let analysis = try #require(first("Analysegesprek van"))
        let stop = try #require(first("legt een toeleidingsstop op"))
        #expect(advice < analysis && analysis < stop)
        // The advice's month and the stop's are different months of the replay.
        let monthHeaders = lines.indices.filter { lines[$0].hasPrefix("== Zorgmaand") }
        #expect(monthHeaders.contains { advice < $0 && $0 < analysis })
        let liftAdvice = try #require(first("de stop kan worden opgeheven"))
        let lift = try #require(first("heft de stop op"))
        #expect(stop < liftAdvice && liftAdvice < lift)
        if let refused = first("monitor weigert: opheffen kan nog niet") {
            #expect(stop < refused && refused < liftAdvice)
        }
        // The capped provider's norm is advised a stop once: the lift was not premature.
        let norm = try #require(lines[advice].components(separatedBy: " — ").last)
        #expect(lines.filter { $0.contains("toeleidingsstop overwegen") && $0.hasSuffix(norm) }.count == 1)
    }
}
