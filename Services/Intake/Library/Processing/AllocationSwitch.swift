import Logging
import Runtime

/// Says at start, per gemeente, whether its declarations are checked against its own
/// allocations: a gemeente runs with allocation checks off only when the configuration
/// says so, and never silently.
enum AllocationSwitch {
    static func announce(_ settings: IntakeConfiguration, logger: Logger) {
        let on = Set(settings.allocationGemeenten)
        let all = Array(Set(settings.gemeenten).union(on)).sorted()
        for gemeente in all {
            logger.notice(
                on.contains(gemeente)
                    ? "allocation checks on: JW301 from this gemeente is required for its declarations"
                    : "allocation checks off: this gemeente's allocations do not come to Plafond",
                metadata: ["gemeente": "\(gemeente)"])
        }
        if all.isEmpty {
            logger.notice("allocation checks off for every gemeente (intake.allocation_gemeenten is empty)")
        }
    }
}
