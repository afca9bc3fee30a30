import Foundation
import Messaging
import Runtime

/// The service an admin command goes to, read from the configuration the person named:
/// its address, and outside development mode the CURVE keys to reach it with (the
/// operator's own key file and the service's public key from the keyring).
struct AdminTarget {
    enum Service: String {
        case monitor, notifier, reporter
    }

    var service: Service
    var configuration: PlafondConfiguration
    /// The file read, for error messages (nil: the built-in development settings).
    var configPath: String?

    init(_ service: Service, _ configuration: PlafondConfiguration, configPath: String? = nil) {
        self.service = service
        self.configuration = configuration
        self.configPath = configPath
    }

    var endpoint: String {
        switch service {
        case .monitor: configuration.monitor.admin
        case .notifier: configuration.notifier.admin
        case .reporter: configuration.reporter.admin
        }
    }

    func security() throws -> SocketSecurity {
        try ServiceSecurity.client(configuration, key: OwnKeyFile.operatorFile()).client(ofService: service.rawValue)
    }

    /// Which configuration was read, for "is the address right?" messages.
    var configDescription: String { ServiceOptions.describe(configPath) }
}

extension ServiceOptions {
    /// Which configuration a command read, for "is the address right?" messages.
    static func describe(_ configPath: String?) -> String {
        configPath.map { "configuratie \($0)" } ?? "ingebouwde ontwikkelconfiguratie"
    }

    var configDescription: String { Self.describe(config) }

    func admin(_ service: AdminTarget.Service) throws -> AdminTarget {
        AdminTarget(service, try configuration(), configPath: config)
    }
}
