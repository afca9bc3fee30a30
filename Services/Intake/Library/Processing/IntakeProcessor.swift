import Contracts
import Crypto
import Domain
import Foundation
import GRDB
import IJW
import Logging
import Metrics
import Storage
import Synchronization

/// Turns a batch of incoming documents into answers, storing everything in one
/// transaction (group commit). Each message runs in its own savepoint, so one bad
/// message cannot undo the others; if the commit itself fails, nobody gets an approval.
public struct IntakeProcessor: Sendable {
    let database: IntakeDatabase
    let pseudonymizer: Pseudonymizer
    let knownGemeenten: Set<String>
    let allocationGemeenten: Set<String>
    let tariffs: ContractTariffs
    let requireAuthentication: Bool
    let clock: @Sendable () -> Date
    let logger: Logger
    private let linesAccepted = Counter(label: "plafond_intake_lines_accepted_total")
    private let linesRejected = Counter(label: "plafond_intake_lines_rejected_total")
    private let messagesRejected = Counter(label: "plafond_intake_messages_rejected_total")

    public init(
        database: IntakeDatabase, pseudonymizer: Pseudonymizer, knownGemeenten: Set<String>,
        allocationGemeenten: Set<String> = [], tariffs: ContractTariffs = .none, requireAuthentication: Bool,
        clock: @escaping @Sendable () -> Date = Date.init, logger: Logger
    ) {
        self.database = database
        self.pseudonymizer = pseudonymizer
        self.knownGemeenten = knownGemeenten
        self.allocationGemeenten = allocationGemeenten
        self.tariffs = tariffs
        self.requireAuthentication = requireAuthentication
        self.clock = clock
        self.logger = logger
    }

    /// Answers in the order of `requests`. Parsing happens before the transaction so the
    /// single writer is held only for checks against history and the inserts.
    public func process(_ requests: [IncomingRequest]) -> [Data] {
        let now = clock()
        let today = Day(date: now, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        var answers = [Data?](repeating: nil, count: requests.count)
        var work: [(index: Int, message: ReadMessage, hash: Data)] = []
        // Reading is most of the work and needs no database: it runs on every core.
        let outcomes = Mutex([ReadOutcome?](repeating: nil, count: requests.count))
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let outcome = read(requests[index], today: today)
            outcomes.withLock { $0[index] = outcome }
        }
        for (index, outcome) in outcomes.withLock({ $0 }).enumerated() {
            switch outcome {
            case .answer(let data): answers[index] = data
            case .message(let message, let hash): work.append((index, message, hash))
            case nil: answers[index] = PlafondFault(.geenIJW, "niet gelezen").xml()
            }
        }
        guard !work.isEmpty else { return answers.map { $0 ?? Data() } }
        do {
            try database.writer.write { db in
                for item in work {
                    switch item.message {
                    case .declaration(let declaration):
                        answers[item.index] = try DeclarationIntake(
                            allocationGemeenten: allocationGemeenten, today: today, now: now, logger: logger
                        ).receive(db, declaration, contentHash: item.hash)
                    case .allocation(let allocation):
                        answers[item.index] = try AllocationIntake(
                            pseudonymizer: pseudonymizer, allocationGemeenten: allocationGemeenten, today: today,
                            now: now, logger: logger
                        ).receive(db, allocation, contentHash: item.hash)
                    case .care(let message):
                        answers[item.index] = try CareIntake(
                            pseudonymizer: pseudonymizer, knownGemeenten: knownGemeenten,
                            allocationGemeenten: allocationGemeenten, today: today, now: now, logger: logger
                        ).receive(db, message, contentHash: item.hash)
                    }
                }
            }
        } catch {
            logger.error("commit failed, nothing approved", metadata: ["error": "\(error)", "batch": "\(work.count)"])
            let fault = PlafondFault(
                .opslagMislukt, "het bericht kon niet worden opgeslagen; niets is goedgekeurd, stuur het later opnieuw"
            ).xml()
            for item in work { answers[item.index] = fault }
        }
        return answers.map { $0 ?? Data() }
    }

    private enum ReadOutcome: Sendable {
        case answer(Data)
        case message(ReadMessage, contentHash: Data)
    }

    /// What the writer receives: a JW323 prepared while reading, a JW301, or one of the
    /// messages about care (JW305, JW307, JW315).
    private enum ReadMessage: Sendable {
        case declaration(PreparedDeclaration)
        case allocation(AllocationMessage)
        case care(IJWMessage)
    }

    private func read(_ request: IncomingRequest, today: Day) -> ReadOutcome {
        let message: IJWMessage
        do {
            message = try IJWReader.read(request.document)
        } catch {
            messagesRejected.increment()
            logger.warning(
                "input refused",
                metadata: [
                    "reason": "\(error.kind.rawValue)", "detail": "\(error.message)",
                    "bytes": "\(request.document.count)",
                ])
            if error.kind == .structure, let header = error.header {
                // A message we can answer in the standard's form: technical rejection.
                let hash = Data(SHA256.hash(data: request.document))
                if let retour = RetourWriter.Message(answering: header.berichtCode) {
                    return .answer(
                        AnswerBuilding.retour(
                            retour, header, codes: [.technischeAfwijzing], today: today, contentHash: hash))
                }
                return .answer(
                    AnswerBuilding.technicalRejection(
                        header, codes: [.technischeAfwijzing], today: today, contentHash: hash))
            }
            return .answer(PlafondFault(.geenIJW, error.message).xml())
        }
        let header = message.header
        // The sender named in the message must be the one the key belongs to: a
        // provider's AGB code, or a gemeente's CBS code for its allocations.
        if requireAuthentication, request.authenticatedAs != header.afzender {
            logger.warning(
                "afzender differs from authenticated key",
                metadata: ["afzender": "\(header.afzender)", "authenticated": "\(request.authenticatedAs ?? "-")"])
            return .answer(
                PlafondFault(.afzenderOnjuist, "de Afzender \(header.afzender) hoort niet bij uw sleutel").xml())
        }
        let hash = Data(SHA256.hash(data: request.document))
        switch message {
        case .declaration(let declaration):
            let prepared = PreparedDeclaration(
                declaration, today: today, knownGemeenten: knownGemeenten, tariffs: tariffs,
                pseudonymizer: pseudonymizer)
            return .message(.declaration(prepared), contentHash: hash)
        case .allocation(let allocation):
            return .message(.allocation(allocation), contentHash: hash)
        case .careStart, .careStop, .allocationRequest:
            return .message(.care(message), contentHash: hash)
        }
    }
}
