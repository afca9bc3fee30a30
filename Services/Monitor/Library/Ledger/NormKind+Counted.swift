import Contracts

extension NormKind {
    /// Whether monitor keeps this norm's value and alerts: money norms from spend,
    /// instroomtargets from new clients. Intensiteitsnormen are not counted yet.
    var isCountedByMonitor: Bool { limitIsMoney || self == .instroomtarget }
}
