import Contracts

/// Decides which alerts to fire and which to resolve for one norm and alert kind, from
/// the thresholds now reached and those already firing. Pure, so the "never two alerts
/// for one crossing" rule is tested without a store.
public struct AlertLifecycle: Sendable, Equatable {
    public enum Action: Sendable, Equatable, Hashable {
        case fire(threshold: Int)
        case resolve(threshold: Int)
    }

    public static func actions(reached: Set<Int>, firing: Set<Int>) -> [Action] {
        let fire = reached.subtracting(firing).sorted().map { Action.fire(threshold: $0) }
        let resolve = firing.subtracting(reached).sorted().map { Action.resolve(threshold: $0) }
        return resolve + fire
    }
}
