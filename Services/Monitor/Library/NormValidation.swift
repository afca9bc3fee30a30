import Contracts
import Domain

/// Checks a norm request before anything is stored, with Dutch answers for the CLI.
enum NormValidation {
    static func validate(_ request: NormAddRequest) throws {
        guard !request.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw MonitorError(.invalidRequest, "een norm heeft een naam nodig")
        }
        guard request.limit > 0 else {
            throw MonitorError(.invalidRequest, "de grens moet groter dan nul zijn")
        }
        for gemeente in request.gemeenten where Gemeentecode(gemeente) == nil {
            throw MonitorError(.invalidRequest, "ongeldige gemeentecode \(gemeente)")
        }
        if let aanbieder = request.aanbieder, AGB(aanbieder) == nil {
            throw MonitorError(.invalidRequest, "ongeldige AGB-code \(aanbieder)")
        }
        for threshold in request.thresholds ?? [] where !(1...1000).contains(threshold) {
            throw MonitorError(.invalidRequest, "drempel \(threshold)% ligt buiten 1 tot 1000")
        }
        if let weeks = request.intensity?.openWeeks, !(1...53).contains(weeks) {
            throw MonitorError(.invalidRequest, "weken per jaar is een aantal van 1 tot en met 53, niet \(weeks)")
        }
        if let months = request.intensity?.maxMonths, months < 1 {
            throw MonitorError(.invalidRequest, "de duur is een aantal maanden, 1 of meer, niet \(months)")
        }
    }
}
