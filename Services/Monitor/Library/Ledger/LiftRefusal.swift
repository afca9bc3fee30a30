import Contracts
import Domain

/// Why a lift is refused, in the words the contract manager reads at the prompt.
enum LiftRefusal {
    static func text(_ expected: StopAdvice.Expectation, norm: NormDefinition) -> String {
        let amount = { (value: Int64) in
            norm.kind.limitIsMoney ? Money(cents: value).dutch : "\(value) nieuwe cliënten"
        }
        let limit = amount(norm.limit)
        switch expected {
        case .valueAtLimit:
            return "de stand heeft de grens van \(limit) al bereikt"
        case .forecastBeyondRule(let projected):
            return
                "de prognose voor het eind van de periode is \(amount(projected)), boven \(StopAdvice.percent(norm.stopRule))% van \(limit)"
        case .crossing(let day):
            return "de prognose bereikt de grens van \(limit) op \(DutchDate.text(day))"
        }
    }
}
