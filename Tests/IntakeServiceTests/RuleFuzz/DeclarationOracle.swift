import Domain
import Fixtures
import IJW

/// What the rule table predicts for a provider's declarations to gemeente 0209 (no
/// allocation checks), kept independently of intake: which references were used, which
/// debits are approved and open, which DeclaratieNummers were received. The fuzz test
/// builds messages from it and compares intake's answers with its prediction.
struct DeclarationOracle {
    /// An approved debit: its line and whether a credit undid it.
    struct Debit {
        var line: DeclarationLine
        var bsn: String
        var credited: Bool
    }

    /// The answer the table predicts for one message.
    enum Prediction: Equatable, CustomStringConvertible {
        /// Received, every line granted: Header 0200, DeclaratieAntwoord 8001.
        case allGranted
        /// Received, one line refused with exactly these codes.
        case lineRefused(reference: String, codes: [String])
        /// Refused in the header only (0001, 8848).
        case headerOnly([String])
        /// Refused in the Declaratie class: Header 0200, DeclaratieAntwoord with the code (9333).
        case declarationRefused(String)

        var description: String {
            switch self {
            case .allGranted: "all granted"
            case .lineRefused(let reference, let codes): "line \(reference) refused \(codes)"
            case .headerOnly(let codes): "header only \(codes)"
            case .declarationRefused(let code): "declaration refused \(code)"
            }
        }
    }

    private(set) var usedReferences: Set<String> = []
    private(set) var debits: [String: Debit] = [:]
    private(set) var declarationNumbers: [String] = []
    private var counter = 0

    /// A number never used before in this run, for references, allocations and ids.
    mutating func fresh() -> Int {
        counter += 1
        return counter
    }

    var openDebits: [Debit] {
        debits.values.filter { !$0.credited }.sorted { $0.line.referentieNummer < $1.line.referentieNummer }
    }
    var creditedDebits: [Debit] {
        debits.values.filter(\.credited).sorted { $0.line.referentieNummer < $1.line.referentieNummer }
    }

    /// Records what intake approves when the prediction is right.
    mutating func apply(_ declaration: Declaration, _ prediction: Prediction) {
        let refused: String?
        switch prediction {
        case .headerOnly, .declarationRefused: return
        case .allGranted: refused = nil
        case .lineRefused(let reference, _): refused = reference
        }
        declarationNumbers.append(declaration.declaratieNummer)
        for client in declaration.clients {
            for line in client.lines where line.referentieNummer != refused {
                usedReferences.insert(line.referentieNummer)
                if line.debetCredit == .credit, let previous = line.vorigReferentieNummer {
                    debits[previous]?.credited = true
                } else {
                    debits[line.referentieNummer] = Debit(line: line, bsn: client.bsn, credited: false)
                }
            }
        }
    }
}
