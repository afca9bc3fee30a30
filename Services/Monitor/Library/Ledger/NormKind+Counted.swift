import Contracts

extension NormKind {
    /// Whether monitor keeps this norm's value and threshold alerts: money norms from spend,
    /// instroomtargets from new clients. An intensiteitsnorm has its own alert
    /// (`IntensityLedger`), not thresholds of a total.
    var hasThresholdAlerts: Bool { limitIsMoney || self == .instroomtarget }
}
