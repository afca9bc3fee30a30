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
    let productCodes: ProductCodeList
    let requireAuthentication: Bool
    let clock: @Sendable () -> Date
    let logger: Logger
    private let messagesRejected = Counter(label: "plafond_intake_messages_rejected_total")

    public init(
        database: IntakeDatabase, pseudonymizer: Pseudonymizer, knownGemeenten: Set<String>,
        allocationGemeenten: Set<String> = [], tariffs: ContractTariffs = .none,
        productCodes: ProductCodeList = .none, requireAuthentication: Bool,
        clock: @escaping @Sendable () -> Date = Date.init, logger: Logger
    ) {
        self.database = database
        self.pseudonymizer = pseudonymizer
        self.knownGemeenten = knownGemeenten
        self.allocationGemeenten = allocationGemeenten
        self.tariffs = tariffs
        self.productCodes = productCodes
        self.requireAuthentication = requireAuthentication
        self.clock = clock
        self.logger = logger
    }

    /// Answers in the order of `requests`: all of them read side by side, then stored in
    /// one transaction. (The server overlaps the two stages, see `IntakePipeline`.)
    public func process(_ requests: [IncomingRequest]) -> [Data] {
        let now = clock()
        let outcomes = Mutex([ReadOutcome?](repeating: nil, count: requests.count))
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let outcome = read(requests[index], now: now)
            outcomes.withLock { $0[index] = outcome }
        }
        var answers = [Data?](repeating: nil, count: requests.count)
        var work: [(index: Int, item: ReadMessage)] = []
        for (index, outcome) in outcomes.withLock({ $0 }).enumerated() {
            switch outcome {
            case .answer(let data): answers[index] = data
            case .message(let message): work.append((index, message))
            case nil: answers[index] = PlafondFault(.geenIJW, "niet gelezen").xml()
            }
        }
        for (item, answer) in zip(work, write(work.map(\.item))) { answers[item.index] = answer }
        return answers.map { $0 ?? Data() }
    }

    /// Stores read messages in one transaction (group commit), each in a savepoint of its
    /// own so one bad message cannot undo the others; answers in the order given. If the
    /// commit itself fails, every one of them gets a fault and nothing is approved.
    func write(_ messages: [ReadMessage]) -> [Data] {
        guard !messages.isEmpty else { return [] }
        var answers = [Data](repeating: Data(), count: messages.count)
        do {
            try database.writer.write { db in
                for (index, item) in messages.enumerated() {
                    let now = item.readAt
                    let today = Day(date: now, timeZone: Day.amsterdam)
                    switch item.content {
                    case .declaration(let declaration):
                        answers[index] = try DeclarationIntake(
                            allocationGemeenten: allocationGemeenten, today: today, now: now, logger: logger
                        ).receive(db, declaration, contentHash: item.contentHash)
                    case .allocation(let allocation):
                        answers[index] = try AllocationIntake(
                            pseudonymizer: pseudonymizer, knownGemeenten: knownGemeenten, productCodes: productCodes,
                            allocationGemeenten: allocationGemeenten, today: today,
                            now: now, logger: logger
                        ).receive(db, allocation, document: item.document ?? Data(), contentHash: item.contentHash)
                    case .care(let message):
                        answers[index] = try CareIntake(
                            pseudonymizer: pseudonymizer, knownGemeenten: knownGemeenten,
                            allocationGemeenten: allocationGemeenten, productCodes: productCodes, today: today,
                            now: now, logger: logger
                        ).receive(db, message, document: item.document ?? Data(), contentHash: item.contentHash)
                    }
                }
            }
        } catch {
            logger.error(
                "commit failed, nothing approved", metadata: ["error": "\(error)", "batch": "\(messages.count)"])
            let fault = PlafondFault(
                .opslagMislukt, "het bericht kon niet worden opgeslagen; niets is goedgekeurd, stuur het later opnieuw"
            ).xml()
            return [Data](repeating: fault, count: messages.count)
        }
        return answers
    }

    /// Reading a request ends in an answer straight away (it could not be read, or was
    /// not the sender's to send) or in a message for the writer.
    enum ReadOutcome: Sendable {
        case answer(Data)
        case message(ReadMessage)
    }

    /// What the writer receives: a JW323 prepared while reading, a JW301, or one of the
    /// messages about care (JW305, JW307, JW315), with the time it was read (its day is
    /// the day of receipt) and the hash that recognises a resend.
    struct ReadMessage: Sendable {
        enum Content: Sendable {
            case declaration(PreparedDeclaration)
            case allocation(AllocationMessage)
            case care(IJWMessage)
        }

        var content: Content
        var contentHash: Data
        var readAt: Date
        /// The document as sent, for all but a JW323: a refused product's retour echoes
        /// its Client (IV028). Held in memory until answered, never stored.
        var document: Data? = nil
    }

    /// Parses, authenticates and prepares one request; needs no store, so any number run
    /// side by side.
    func read(_ request: IncomingRequest, now: Date) -> ReadOutcome {
        let today = Day(date: now, timeZone: Day.amsterdam)
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
            if error.kind == .structure, let header = error.header, let kind = error.messageKind {
                // A message we can answer in the standard's form: technical rejection, in
                // the answer type of the message read.
                let hash = Data(SHA256.hash(data: request.document))
                if let retour = RetourWriter.Message(answering: kind) {
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
        let content: ReadMessage.Content
        switch message {
        case .declaration(let declaration):
            content = .declaration(
                PreparedDeclaration(
                    declaration, today: today, knownGemeenten: knownGemeenten, tariffs: tariffs,
                    productCodes: productCodes, pseudonymizer: pseudonymizer))
        case .allocation(let allocation):
            content = .allocation(allocation)
        case .careStart, .careStop, .allocationRequest:
            content = .care(message)
        }
        var document: Data?
        if case .declaration = content {} else { document = request.document }
        return .message(
            ReadMessage(
                content: content, contentHash: Data(SHA256.hash(data: request.document)), readAt: now,
                document: document))
    }
}
