extension Components.Schemas.Indicators {
    /// The measures of use with English names; shares and averages as numbers.
    init(_ figures: Indicators) {
        self.init(
            period: figures.periode, municipality: figures.gemeente, region: figures.regio,
            careTypes: figures.zorgsoorten.map(Components.Schemas.CareType.init), total: .init(figures.totaal),
            trajectories: .init(
                ended: .init(published: figures.trajecten.beeindigd),
                averageDays: figures.trajecten.gemiddeldeDuurDagen,
                percentageWithinSixMonths: DutchDecimal.number(figures.trajecten.aandeelBinnenZesMaanden)),
            endReasons: figures.redenenBeeindiging.map { .init(code: $0.code, count: .init(published: $0.aantal)) },
            referrers: figures.verwijzers.map {
                .init(
                    code: $0.code, team: $0.team, count: .init(published: $0.aantal),
                    percentage: DutchDecimal.number($0.aandeel))
            },
            providersPerInstrument: .init(additionalProperties: figures.aanbiedersPerInstrument),
            alertsFired: figures.meldingenGevuurd, alertsResolved: figures.meldingenOpgelost,
            stopsImposed: figures.stopsOpgelegd, stopsLifted: figures.stopsOpgeheven,
            inflowDuringStop: .init(published: figures.instroomTijdensStop),
            cpvGranted: .init(published: figures.cpvToegekend), cpvRefused: .init(published: figures.cpvAfgewezen),
            asOf: figures.peildatum.iso, inCareMonth: figures.standMaand,
            costConcentration: figures.kostenconcentratie.map {
                .init(
                    topPercent: $0.percentage, clients: .init(published: $0.clienten),
                    percentage: DutchDecimal.number($0.aandeel))
            }, overBudgetIntake: figures.bovenbegrotelijk.map(Components.Schemas.OverBudgetIntake.init),
            durationSignalMonths: figures.duurSignaalMaanden)
    }
}

extension Components.Schemas.OverBudgetIntake {
    /// The clients taken on above budget under a 105% rule: keyed pseudonyms and allocation
    /// numbers, never a BSN (the reporter has none).
    init(_ list: OverBudgetIntake) {
        self.init(
            normID: list.normID, norm: list.norm, from: list.vanaf?.iso, to: list.tot?.iso,
            count: .init(published: list.aantal),
            clients: list.clienten.map {
                .init(
                    pseudonym: $0.client, allocationNumber: $0.toewijzingNummer, startDate: $0.begindatum.iso,
                    productCode: $0.productCode, municipality: $0.gemeente)
            })
    }
}

extension Components.Schemas.CareType {
    init(_ careType: Indicators.CareType) {
        self.init(
            category: careType.categorie, name: careType.naam, inflow: .init(published: careType.instroom),
            outflow: .init(published: careType.uitstroom), inCare: .init(published: careType.stand),
            uniqueClients: .init(published: careType.uniekeClienten), costs: careType.kosten,
            costsPerClient: careType.kostenPerClient, volumePerClient: DutchDecimal.number(careType.volumePerClient),
            volumePerUnit: careType.volumePerEenheid.map {
                .init(
                    unit: $0.eenheid, name: $0.naam, clients: .init(published: $0.clienten),
                    perClient: DutchDecimal.number($0.perClient))
            },
            products: careType.producten.map {
                .init(
                    code: $0.code, inflow: .init(published: $0.instroom), outflow: .init(published: $0.uitstroom),
                    inCare: .init(published: $0.stand), uniqueClients: .init(published: $0.uniekeClienten),
                    costs: $0.kosten)
            }, longCare: .init(published: careType.langdurig))
    }
}
