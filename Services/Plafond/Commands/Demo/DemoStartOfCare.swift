import Domain
import Foundation

/// A JW305 (start of care) as a provider's system sends it, for the demo's clients who
/// arrive during a stop: their first day is the start date, so monitor sees them enter
/// while the stop is in force. Name and birth date are the message's required fields;
/// intake reads past them and never stores them.
enum DemoStartOfCare {
    static func message(
        identificatie: String, today: Day, aanbieder: String, gemeente: String, bsn: String, toewijzing: String,
        care: DemoSetting.CareType
    ) -> Data {
        let p = "jw305"
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(p):Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:\(p)="http://www.istandaarden.nl/ijw/3_2/\(p)/schema">
            <\(p):Header><\(p):BerichtCode>438</\(p):BerichtCode><\(p):BerichtVersie>3</\(p):BerichtVersie><\(p):BerichtSubversie>2</\(p):BerichtSubversie>
            <\(p):Afzender>\(aanbieder)</\(p):Afzender><\(p):Ontvanger>\(gemeente)</\(p):Ontvanger>
            <\(p):BerichtIdentificatie><ijw:Identificatie>\(identificatie)</ijw:Identificatie><ijw:Dagtekening>\(today.iso)</ijw:Dagtekening></\(p):BerichtIdentificatie>
            <\(p):XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></\(p):XsdVersie>
            </\(p):Header>
            <\(p):Client><\(p):Bsn>\(bsn)</\(p):Bsn>
            <\(p):Geboortedatum><ijw:Datum>2015-06-01</ijw:Datum></\(p):Geboortedatum><\(p):Geslacht>0</\(p):Geslacht>
            <\(p):Naam><ijw:Geslachtsnaam><ijw:Achternaam>Demo</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voorletters>D</ijw:Voorletters></\(p):Naam>
            <\(p):StartProducten><\(p):StartProduct><\(p):ToewijzingNummer>\(toewijzing)</\(p):ToewijzingNummer>
            <\(p):Product><ijw:Categorie>\(care.categorie)</ijw:Categorie><ijw:Code>\(care.productCode)</ijw:Code></\(p):Product>
            <\(p):ToewijzingIngangsdatum>\(today.iso)</\(p):ToewijzingIngangsdatum><\(p):Begindatum>\(today.iso)</\(p):Begindatum>
            <\(p):StatusAanlevering>1</\(p):StatusAanlevering></\(p):StartProduct></\(p):StartProducten>
            </\(p):Client></\(p):Bericht>

            """
        return Data(xml.utf8)
    }
}
