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
    let requireAuthentication: Bool
    let clock: @Sendable () -> Date
    let logger: Logger
    private let linesAccepted = Counter(label: "plafond_intake_lines_accepted_total")
    private let linesRejected = Counter(label: "plafond_intake_lines_rejected_total")
    private let messagesRejected = Counter(label: "plafond_intake_messages_rejected_total")

    public init(
        database: IntakeDatabase, pseudonymizer: Pseudonymizer, knownGemeenten: Set<String>,
        requireAuthentication: Bool, clock: @escaping @Sendable () -> Date = Date.init, logger: Logger
    ) {
        self.database = database
        self.pseudonymizer = pseudonymizer
        self.knownGemeenten = knownGemeenten
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
        var work: [(index: Int, declaration: Declaration, hash: Data)] = []
        // Reading is most of the work and needs no database: it runs on every core.
        let outcomes = Mutex([ReadOutcome?](repeating: nil, count: requests.count))
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let outcome = read(requests[index], today: today)
            outcomes.withLock { $0[index] = outcome }
        }
        for (index, outcome) in outcomes.withLock({ $0 }).enumerated() {
            switch outcome {
            case .answer(let data): answers[index] = data
            case .declaration(let declaration, let hash): work.append((index, declaration, hash))
            case nil: answers[index] = PlafondFault(.geenIJW, "niet gelezen").xml()
            }
        }
        guard !work.isEmpty else { return answers.map { $0 ?? Data() } }
        do {
            try database.writer.write { db in
                for item in work {
                    answers[item.index] = try DeclarationIntake(
                        pseudonymizer: pseudonymizer, knownGemeenten: knownGemeenten, today: today, now: now,
                        logger: logger
                    ).receive(db, item.declaration, contentHash: item.hash)
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
        case declaration(Declaration, contentHash: Data)
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
                // A JW323 we can answer in the standard's form: technical rejection.
                return .answer(
                    AnswerBuilding.technicalRejection(
                        header, codes: [.technischeAfwijzing], today: today,
                        contentHash: Data(SHA256.hash(data: request.document))))
            }
            return .answer(PlafondFault(.geenIJW, error.message).xml())
        }
        switch message {
        case .declaration(let declaration):
            if requireAuthentication, request.authenticatedAs != declaration.header.afzender {
                logger.warning(
                    "afzender differs from authenticated key",
                    metadata: [
                        "provider.agb": "\(declaration.header.afzender)",
                        "authenticated": "\(request.authenticatedAs ?? "-")",
                    ])
                return .answer(
                    PlafondFault(
                        .afzenderOnjuist, "de Afzender \(declaration.header.afzender) hoort niet bij uw sleutel"
                    ).xml())
            }
            return .declaration(declaration, contentHash: Data(SHA256.hash(data: request.document)))
        }
    }
}
