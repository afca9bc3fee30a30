import Domain
import Foundation

/// A JW305 (start of care) as a provider's system sends it, for the demo's clients who
/// arrive during a stop: their first day is the start date, so monitor sees them enter
/// while the stop is in force.
enum DemoStartOfCare {
    static func message(
        identificatie: String, today: Day, aanbieder: String, gemeente: String, bsn: String, toewijzing: String,
        care: DemoSetting.CareType
    ) -> Data {
        let p = "jw305"
        return DemoMessage.xml(
            prefix: p, berichtCode: "438", identificatie: identificatie, today: today, aanbieder: aanbieder,
            gemeente: gemeente, bsn: bsn,
            products: """
                <\(p):StartProducten><\(p):StartProduct><\(p):ToewijzingNummer>\(toewijzing)</\(p):ToewijzingNummer>
                <\(p):Product><ijw:Categorie>\(care.categorie)</ijw:Categorie><ijw:Code>\(care.productCode)</ijw:Code></\(p):Product>
                <\(p):ToewijzingIngangsdatum>\(today.iso)</\(p):ToewijzingIngangsdatum><\(p):Begindatum>\(today.iso)</\(p):Begindatum>
                <\(p):StatusAanlevering>1</\(p):StatusAanlevering></\(p):StartProduct></\(p):StartProducten>
                """)
    }
}
