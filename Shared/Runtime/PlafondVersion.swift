import Metrics

/// The release this build is, for `--version` on every executable and the build-info
/// metric. Raised with each entry in CHANGELOG.md.
public enum PlafondVersion {
    public static let current = "0.18.0"

    /// `plafond_build_info{version="…",service="…"} 1`, as Prometheus exporters do.
    public static func recordBuildInfo(service: String) {
        Gauge(label: "plafond_build_info", dimensions: [("version", current), ("service", service)]).record(1)
    }
}
