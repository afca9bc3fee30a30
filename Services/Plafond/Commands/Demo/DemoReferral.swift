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
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(p):Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:\(p)="http://www.istandaarden.nl/ijw/3_2/\(p)/schema">
            <\(p):Header><\(p):BerichtCode>446</\(p):BerichtCode><\(p):BerichtVersie>3</\(p):BerichtVersie><\(p):BerichtSubversie>2</\(p):BerichtSubversie>
            <\(p):Afzender>\(aanbieder)</\(p):Afzender><\(p):Ontvanger>\(gemeente)</\(p):Ontvanger>
            <\(p):BerichtIdentificatie><ijw:Identificatie>\(identificatie)</ijw:Identificatie><ijw:Dagtekening>\(today.iso)</ijw:Dagtekening></\(p):BerichtIdentificatie>
            <\(p):XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></\(p):XsdVersie>
            </\(p):Header>
            <\(p):Client><\(p):Bsn>\(bsn)</\(p):Bsn>
            <\(p):Geboortedatum><ijw:Datum>2015-06-01</ijw:Datum></\(p):Geboortedatum><\(p):Geslacht>0</\(p):Geslacht>
            <\(p):Naam><ijw:Geslachtsnaam><ijw:Achternaam>Demo</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voorletters>D</ijw:Voorletters></\(p):Naam>
            <\(p):AangevraagdeProducten><\(p):AangevraagdProduct>
            <\(p):ReferentieAanbieder>\(referentie)</\(p):ReferentieAanbieder>
            <\(p):Product><ijw:Categorie>\(care.categorie)</ijw:Categorie><ijw:Code>\(care.productCode)</ijw:Code></\(p):Product>
            <\(p):ToewijzingIngangsdatum>\(today.iso)</\(p):ToewijzingIngangsdatum>
            <\(p):Omvang><ijw:Volume>\(care.volume.upperBound)</ijw:Volume><ijw:Eenheid>\(care.eenheid)</ijw:Eenheid><ijw:Frequentie>4</ijw:Frequentie></\(p):Omvang>
            <\(p):Verwijzer><ijw:Type>01</ijw:Type><ijw:Naam>\(team)</ijw:Naam></\(p):Verwijzer>
            </\(p):AangevraagdProduct></\(p):AangevraagdeProducten>
            </\(p):Client></\(p):Bericht>

            """
        return Data(xml.utf8)
    }
}
