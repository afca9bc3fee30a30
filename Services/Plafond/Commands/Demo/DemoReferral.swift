import Domain
import Foundation

/// A JW315 (request for an allocation) as a provider's system sends it, for the demo's
/// client referred by a Regieteam during the stop: the referrer is the gemeente's own team
/// (type 01) by name, so monitor recognises the Regieteam route without a hand mark.
enum DemoReferral {
    static let team = "Regieteam Nijmegen-Oost"

    static func message(
        identificatie: String, today: Day, aanbieder: String, gemeente: String, bsn: String, referentie: String,
        care: DemoSetting.CareType
    ) -> Data {
        let p = "jw315"
        return DemoMessage.xml(
            prefix: p, berichtCode: "446", identificatie: identificatie, today: today, aanbieder: aanbieder,
            gemeente: gemeente, bsn: bsn,
            products: """
                <\(p):AangevraagdeProducten><\(p):AangevraagdProduct>
                <\(p):ReferentieAanbieder>\(referentie)</\(p):ReferentieAanbieder>
                <\(p):Product><ijw:Categorie>\(care.categorie)</ijw:Categorie><ijw:Code>\(care.productCode)</ijw:Code></\(p):Product>
                <\(p):ToewijzingIngangsdatum>\(today.iso)</\(p):ToewijzingIngangsdatum>
                <\(p):Omvang><ijw:Volume>\(care.volume.upperBound)</ijw:Volume><ijw:Eenheid>\(care.eenheid)</ijw:Eenheid><ijw:Frequentie>4</ijw:Frequentie></\(p):Omvang>
                <\(p):Verwijzer><ijw:Type>01</ijw:Type><ijw:Naam>\(team)</ijw:Naam></\(p):Verwijzer>
                </\(p):AangevraagdProduct></\(p):AangevraagdeProducten>
                """)
    }
}
