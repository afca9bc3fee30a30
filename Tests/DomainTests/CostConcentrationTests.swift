import Domain
import Testing

@Suite struct CostConcentrationTests {
    @Test func theCostliestClientsShareIsComputedFromEachClientsTotal() throws {
        // 20 clients: one at € 10.000, one at € 5.000, eighteen at € 500 (€ 9.000): total € 24.000.
        let costs: [Int64] = [1_000_000, 500_000] + Array(repeating: 50_000, count: 18) + [0, -2_000]
        let groups = try #require(CostConcentration.groups(costs: costs))
        // 1% of 20 rounds up to 1 client: 10.000 / 24.000 = 41,6%.
        #expect(groups[0] == .init(percent: 1, clients: 1, shareTenths: 416))
        // 5%: 1 client again.
        #expect(groups[1] == .init(percent: 5, clients: 1, shareTenths: 416))
        // 10%: 2 clients, 15.000 / 24.000 = 62,5%.
        #expect(groups[2] == .init(percent: 10, clients: 2, shareTenths: 625))
    }

    @Test func noCostsNoConcentration() {
        #expect(CostConcentration.groups(costs: [0, -5]) == nil)
    }
}
