import Domain
import Foundation

/// The parts every iJw message the demo sends shares: the header, and the client with the
/// required name and birth date (intake reads past them and never stores them). Each
/// message gives its own code and its products.
enum DemoMessage {
    static func xml(
        prefix p: String, berichtCode: String, identificatie: String, today: Day, aanbieder: String,
        gemeente: String, bsn: String, products: String
    ) -> Data {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(p):Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:\(p)="http://www.istandaarden.nl/ijw/3_2/\(p)/schema">
            <\(p):Header><\(p):BerichtCode>\(berichtCode)</\(p):BerichtCode><\(p):BerichtVersie>3</\(p):BerichtVersie><\(p):BerichtSubversie>2</\(p):BerichtSubversie>
            <\(p):Afzender>\(aanbieder)</\(p):Afzender><\(p):Ontvanger>\(gemeente)</\(p):Ontvanger>
            <\(p):BerichtIdentificatie><ijw:Identificatie>\(identificatie)</ijw:Identificatie><ijw:Dagtekening>\(today.iso)</ijw:Dagtekening></\(p):BerichtIdentificatie>
            <\(p):XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></\(p):XsdVersie>
            </\(p):Header>
            <\(p):Client><\(p):Bsn>\(bsn)</\(p):Bsn>
            <\(p):Geboortedatum><ijw:Datum>2015-06-01</ijw:Datum></\(p):Geboortedatum><\(p):Geslacht>0</\(p):Geslacht>
            <\(p):Naam><ijw:Geslachtsnaam><ijw:Achternaam>Demo</ijw:Achternaam></ijw:Geslachtsnaam><ijw:Voorletters>D</ijw:Voorletters></\(p):Naam>
            \(products)
            </\(p):Client></\(p):Bericht>

            """
        return Data(xml.utf8)
    }
}
