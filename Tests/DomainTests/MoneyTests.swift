import Domain
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("€ 1.234,56", Int64(123_456)), ("1.234,56", 123_456), ("€ -12,00", -1_200), ("-€ 12,00", -1_200),
        ("12", 1_200), ("12,5", 1_250), ("€ 0,05", 5), ("€ 35.400.000,00", 3_540_000_000),
    ])
    func parsesDutchNotation(text: String, cents: Int64) {
        #expect(Money(dutch: text)?.cents == cents)
    }

    @Test(arguments: ["", "€", "12,345", "1.23,00", "12.5", "abc", "1,2,3", "--5", "€ 99999999999999999999,00", "١٢"])
    func refusesJunk(text: String) {
        #expect(Money(dutch: text) == nil)
    }

    @Test func printsDutchNotation() {
        #expect(Money(cents: 123_456).dutch == "€ 1.234,56")
        #expect(Money(cents: -5).dutch == "€ -0,05")
        #expect(Money(cents: 0).dutch == "€ 0,00")
        #expect(Money(cents: 3_540_000_000).dutch == "€ 35.400.000,00")
    }

    @Test func roundTrips() {
        for cents: Int64 in [0, 1, 99, 100, 123_456_789, -987_654] {
            #expect(Money(dutch: Money(cents: cents).dutch)?.cents == cents)
        }
    }

    @Test func arithmeticAndBasisPoints() {
        var total = Money(cents: 70_000)
        total += Money(cents: 2_500)
        #expect(total - Money(cents: 500) == Money(cents: 72_000))
        #expect(total.basisPoints(of: Money(cents: 100_000)) == 7_250)
        #expect(total.basisPoints(of: .zero) == 0)
    }
}

@Suite struct IdentifierTests {
    @Test(arguments: ["999900006", "999900018", "111222333", "123456782"])
    func validBSNsPassTheElevenTest(bsn: String) {
        #expect(BSN(bsn) != nil)
    }

    @Test(arguments: ["999900007", "12345678", "1234567890", "000000000", "99990000a", "123456789"])
    func invalidBSNsAreRefused(bsn: String) {
        #expect(BSN(bsn) == nil)
    }

    @Test func aBSNNeverPrintsItself() {
        let bsn = BSN("999900006")!
        #expect(!"\(bsn)".contains("999900006"))
    }

    @Test func codesHaveFixedDigitCounts() {
        #expect(AGB("12345678") != nil)
        #expect(AGB("1234567") == nil)
        #expect(AGB("1234567a") == nil)
        #expect(Gemeentecode("0268") != nil)
        #expect(Gemeentecode("268") == nil)
        #expect(ProductCategorie("45")?.name == "Jeugdhulp ambulant")
        #expect(ProductCategorie("4") == nil)
        #expect(Eenheid(rawValue: "83")?.requiresTariff == false)
        #expect(Eenheid(rawValue: "04")?.requiresTariff == true)
        #expect(RetourCode.lookup("8001") == .volledigToegekend)
        #expect(RetourCode.lookup("9999") == nil)
    }

    @Test(arguments: [
        (0, "0"), (999, "999"), (1_000, "1.000"), (10_000, "10.000"), (-5_000, "-5.000"), (1_234_567, "1.234.567"),
    ])
    func countsAreGroupedInThousandsTheDutchWay(value: Int, text: String) {
        #expect(DutchGrouping.text(value) == text)
    }
}
