import ArgumentParser

/// The flags every service executable takes. Flags override the configuration file.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "Path of the TOML configuration file (default: built-in development settings).")
    public var config: String?

    @Option(name: .long, help: "Data folder for the service's SQLite file (overrides [general] data).")
    public var data: String?

    @Flag(name: .long, help: "Allow binding a non-loopback address without CURVE.")
    public var insecure = false

    public init() {}

    /// Loads the file and applies the flags.
    public func configuration() throws -> PlafondConfiguration {
        var configuration = try ConfigurationLoader.load(path: config)
        if let data { configuration.general.dataDirectory = data }
        return configuration
    }
}
