import Contracts
import Domain

extension Components.Schemas.Norm {
    /// A norm as the API shows it: English names, percentages as numbers, counts of clients
    /// as published. An instroomtarget of one to four clients gives neither its count nor
    /// the percentage it could be worked back from.
    init(_ norm: NormFigures) {
        let suppressed = norm.isSuppressed
        self.init(
            id: norm.id, name: norm.name, instrument: .init(norm.instrument), provider: norm.aanbieder,
            providerName: norm.aanbiederNaam, municipalities: norm.gemeenten, region: norm.regio,
            productCategories: norm.productCategorieen, productCodes: norm.productCodes, period: norm.period,
            periodStart: norm.periodStart.iso, periodEnd: norm.periodEnd.iso, limit: norm.limit,
            spent: norm.instrument == .instroomtarget ? .init(norm.spent) : .case1(norm.spent),
            percentage: suppressed ? nil : Double(norm.basisPoints) / 100, suppressed: suppressed,
            thresholds: norm.thresholds, firingThresholds: norm.firingThresholds,
            months: norm.months.map { .init(month: $0.month, value: $0.value, cumulative: $0.cumulative) },
            forecast: norm.forecast.map(Components.Schemas.Forecast.init),
            pxqForecast: norm.pxqForecast.map(Components.Schemas.PxQForecast.init),
            intensity: norm.intensity.map(Components.Schemas.Intensity.init),
            forecastFiring: norm.forecastFiring, stop: norm.stop.map(StopPayload.init), ended: norm.ended,
            unacknowledgedAlerts: norm.unacknowledgedAlerts, escalatesOn: norm.escalatesOn?.iso,
            inflowDuringStop: .init(norm.inflowDuringStop), status: norm.attention.status.text,
            attention: .init(norm.attention))
    }
}

extension Components.Schemas.Instrument {
    init(_ kind: NormKind) {
        switch kind {
        case .signaalplafond: self = .signaalplafond
        case .bestedingsruimte: self = .bestedingsruimte
        case .instroomtarget: self = .instroomtarget
        case .intensiteitsnorm: self = .intensiteitsnorm
        }
    }
}

extension Components.Schemas.Norm.StopPayload {
    init(_ state: HandlingFacts.StopState) {
        switch state {
        case .advised: self = .advised
        case .imposed: self = .imposed
        case .liftAdvised: self = .liftAdvised
        }
    }
}

extension Components.Schemas.Forecast {
    init(_ forecast: RunRateForecast) {
        self.init(
            method: .runRate, basisMonths: forecast.basisMonths, ratePerMonth: forecast.ratePerMonth,
            projectedTotal: forecast.projectedTotal, crossingDate: forecast.crossingDate?.iso,
            completeMonths: forecast.completeMonths, indicative: forecast.indicative,
            projectedLow: forecast.projectedLow, projectedHigh: forecast.projectedHigh)
    }
}

extension Components.Schemas.PxQForecast {
    /// The PxQ forecast with every input, as the norm's page shows it; its clients in care
    /// are a count of clients ("<5" below five), its allocations are not people.
    init(_ forecast: PxQForecast) {
        self.init(
            method: .pxq, fromMonth: forecast.fromMonth, declared: forecast.declared,
            clientsInCare: .init(forecast.clientsInCare), allocatedPerMonth: forecast.allocatedPerMonth,
            gross: forecast.gross, endingAllocations: forecast.endingAllocations,
            expectedOutflow: forecast.expectedOutflow, withoutTariff: forecast.withoutTariff,
            projectedTotal: forecast.projectedTotal)
    }
}

extension Components.Schemas.Intensity {
    /// Client-months are counts of clients: "<5" below five, as everywhere else.
    init(_ intensity: NormFigures.Intensity) {
        self.init(
            unit: intensity.eenheid, per: intensity.per == IntensityMeasure.Per.week.rawValue ? .week : .month,
            clientMonthsAbove: .init(intensity.clientMonthsAbove),
            structuralClientMonths: .init(intensity.structuralClientMonths))
    }
}

extension Components.Schemas.Attention {
    init(_ attention: Attention) {
        let level: LevelPayload =
            switch attention.level {
            case .ended: .ended
            case .ok: .ok
            case .stopInForce: .stopInForce
            case .warning: .warning
            case .over: .over
            }
        self.init(
            level: level, reasons: attention.reasons,
            urgencyPercentage: Double(attention.urgencyBasisPoints) / 100)
    }
}
