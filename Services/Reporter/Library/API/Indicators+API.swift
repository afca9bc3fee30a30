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
                .init(code: $0.code, count: .init(published: $0.aantal), percentage: DutchDecimal.number($0.aandeel))
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
            })
    }
}
