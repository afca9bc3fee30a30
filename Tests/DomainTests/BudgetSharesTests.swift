import Domain
import Testing

@Suite struct BudgetSharesTests {
    @Test func naarRatoGivesBasisPointsThatAddUpToTheWhole() throws {
        // 3 : 2 : 1 of 10000 = 5000, 3333,3…, 1666,6…: the odd point goes to the largest fraction.
        let shares = try #require(BudgetShares.naarRato(["0268": 3_000, "0296": 2_000, "1945": 1_000]))
        #expect(shares == ["0268": 5_000, "0296": 3_333, "1945": 1_667])
        #expect(BudgetShares.naarRato(["0268": 0]) == nil)
        #expect(BudgetShares.naarRato(["0268": 5, "0296": -1]) == nil)
    }

    @Test func aSplitAddsUpToTheCent() {
        // € 1.000,01 at 50,00% / 33,33% / 16,67%: 50.000,5 / 33.330,3… / 16.670,1… cents.
        let parts = BudgetShares.split(100_001, shares: ["0268": 5_000, "0296": 3_333, "1945": 1_667])
        #expect(parts == ["0268": 50_001, "0296": 33_330, "1945": 16_670])
        #expect(parts.values.reduce(0, +) == 100_001)
    }

    @Test func sharesMustCoverTheNormsGemeentenAndAddUp() {
        #expect(BudgetShares.isValid(["0268": 6_000, "0296": 4_000], for: ["0268", "0296"]))
        #expect(!BudgetShares.isValid(["0268": 6_000, "0296": 3_999], for: ["0268", "0296"]))
        #expect(!BudgetShares.isValid(["0268": 10_000], for: ["0268", "0296"]))
    }
}
