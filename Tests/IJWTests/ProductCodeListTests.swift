import Domain
import Fixtures
import Foundation
import IJW
import Testing

/// TR381: a ProductCode must belong to its ProductCategorie in the list the gemeente uses.
@Suite struct ProductCodeListTests {
    let list = try! ProductCodeList.parse(
        """
        gemeente;productcategorie;productcode
        # comment
        *;45;45A03
        0268;41;41A01
        """)

    @Test func aCodeFitsItsCategoryInTheGemeentesListAndTheRegionalLines() {
        #expect(list.fits(categorie: "45", code: "45A03", gemeente: "0209") == true)
        #expect(list.fits(categorie: "41", code: "41A01", gemeente: "0268") == true)
        #expect(list.codes(categorie: "45", code: "45A03", gemeente: "0268").isEmpty)
    }

    @Test func aCodeOutsideItsCategoryIsS329() {
        #expect(list.codes(categorie: "41", code: "45A03", gemeente: "0268") == [.productCodeNietBijCategorie])
        #expect(list.codes(categorie: "45", code: "45A99", gemeente: "0268") == [.productCodeNietBijCategorie])
        // 0268's own line is not 0209's.
        #expect(list.codes(categorie: "41", code: "41A01", gemeente: "0209") == [.productCodeNietBijCategorie])
    }

    @Test func aGemeenteWithoutAListAndAProductWithoutCodeAreNotChecked() throws {
        let own = try ProductCodeList.parse("0268;41;41A01\n")
        #expect(own.fits(categorie: "45", code: "45A03", gemeente: "0209") == nil)
        #expect(own.codes(categorie: "45", code: "45A03", gemeente: "0209").isEmpty)
        #expect(list.codes(categorie: "45", code: nil, gemeente: "0268").isEmpty)
        #expect(ProductCodeList.none.codes(categorie: "41", code: "45A03", gemeente: "0268").isEmpty)
    }

    @Test func aBrokenLineIsNamed() {
        do {
            _ = try ProductCodeList.parse("*;45;45A03\n*;4;45A03\n")
            Issue.record("a broken line was read")
        } catch {
            #expect(error.description == "regel 2: productcategorie 4")
        }
    }

    @Test func theShippedExampleFileReads() throws {
        let url = SharedFiles.packageRoot.appendingPathComponent("deploy/examples/productcodes.csv")
        let shipped = try ProductCodeList.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(shipped.entries.count == 5)
        #expect(shipped.fits(categorie: "41", code: "41A01", gemeente: "0546") == true)
    }
}
