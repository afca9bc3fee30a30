import ArgumentParser
import Runtime

/// `plafond-bench`: the benchmarks of docs/BENCHMARKS.md. Each starts what it measures
/// itself (`intake` and `system` start the real executables) and prints its figures as a
/// ratio against a baseline measured in the same run.
@main
struct PlafondBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plafond-bench", abstract: "Benchmarks, each against a baseline in the same run.",
        version: PlafondVersion.current,
        subcommands: [MonitorBench.self, IntakeBench.self, PaceBench.self, CatchUpBench.self, SystemBench.self])
}
