// swift-tools-version:6.1
import PackageDescription

// One package, four services and a CLI over one shared library. See docs/ARCHITECTURE.md.
let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Plafond",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "intake", targets: ["intake"]),
        .executable(name: "monitor", targets: ["monitor"]),
        .executable(name: "notifier", targets: ["notifier"]),
        .executable(name: "reporter", targets: ["reporter"]),
        .executable(name: "plafond", targets: ["plafond"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The reporter's API, generated from Services/Reporter/openapi.yaml (scripts/openapi.sh).
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
    ],
    targets: [
        // MARK: C libraries from Debian
        .systemLibrary(
            name: "CZeroMQ", path: "Shared/CZeroMQ", pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(
            name: "CCurl", path: "Shared/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Shared/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        // MARK: Shared library
        .target(name: "Domain", path: "Shared/Domain", swiftSettings: swiftSettings),
        .target(name: "IJW", dependencies: ["Domain", "CLibXML2"], path: "Shared/IJW", swiftSettings: swiftSettings),
        // What services tell each other: event bodies, norm definitions, admin requests.
        .target(name: "Contracts", dependencies: ["Domain"], path: "Shared/Contracts", swiftSettings: swiftSettings),
        // The event log's protocol: pure values and a state machine, no sockets.
        .target(name: "EventLog", path: "Shared/EventLog", swiftSettings: swiftSettings),
        .target(
            name: "Messaging",
            dependencies: [
                "CZeroMQ", "EventLog",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/Messaging", swiftSettings: swiftSettings),
        .target(
            name: "Storage",
            dependencies: [
                "EventLog", "Contracts", "Domain", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            path: "Shared/Storage", swiftSettings: swiftSettings),
        // A whole system on one machine's loopback: the demo, the system benchmarks, the e2e tests.
        .target(name: "LocalSystem", path: "Shared/LocalSystem", swiftSettings: swiftSettings),
        .target(
            name: "Runtime",
            dependencies: [
                "Domain", "Contracts", "Messaging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Shared/Runtime", swiftSettings: swiftSettings),

        // MARK: Services: a library with the logic, a thin executable
        .target(
            name: "IntakeService",
            dependencies: [
                "Domain", "IJW", "Contracts", "Messaging", "Storage", "Runtime",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Services/Intake/Library", swiftSettings: swiftSettings),
        .executableTarget(
            name: "intake",
            dependencies: [
                "IntakeService", "Runtime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Intake/Executable", swiftSettings: swiftSettings),
        .target(
            name: "MonitorService",
            dependencies: ["Domain", "Contracts", "Messaging", "Storage", "Runtime"],
            path: "Services/Monitor/Library", swiftSettings: swiftSettings),
        .executableTarget(
            name: "monitor",
            dependencies: [
                "MonitorService", "Runtime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Monitor/Executable", swiftSettings: swiftSettings),
        .target(
            name: "NotifierService",
            dependencies: [
                "Domain", "Contracts", "Messaging", "Storage", "Runtime", "CCurl",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Services/Notifier/Library", swiftSettings: swiftSettings),
        .executableTarget(
            name: "notifier",
            dependencies: [
                "NotifierService", "Runtime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Notifier/Executable", swiftSettings: swiftSettings),
        .target(
            name: "ReporterService",
            dependencies: [
                "Domain", "Contracts", "Messaging", "Storage", "Runtime",
                .product(name: "Hummingbird", package: "hummingbird"),
                // For the header-read timeout's channel handler.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
            ],
            path: "Services/Reporter/Library", swiftSettings: swiftSettings),
        .executableTarget(
            name: "reporter",
            dependencies: [
                "ReporterService", "Runtime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Reporter/Executable", swiftSettings: swiftSettings),
        .executableTarget(
            name: "plafond",
            dependencies: [
                "Domain", "IJW", "Contracts", "Messaging", "Storage", "Runtime", "LocalSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            path: "Services/Plafond", swiftSettings: swiftSettings),
        // Benchmarks measured against a baseline in the same run (docs/BENCHMARKS.md).
        .executableTarget(
            name: "plafond-bench",
            dependencies: [
                "MonitorService", "Domain", "IJW", "Contracts", "Messaging", "Storage", "Runtime", "LocalSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/PlafondBench", swiftSettings: swiftSettings),

        // MARK: Tests: one target per library, plus end-to-end with real processes
        // Builders of realistic iJw messages, shared by the test targets.
        .target(
            name: "Fixtures", dependencies: ["Domain", "IJW"], path: "Tests/Fixtures", swiftSettings: swiftSettings),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], swiftSettings: swiftSettings),
        .testTarget(name: "IJWTests", dependencies: ["IJW", "Domain", "Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "MessagingTests", dependencies: ["Messaging", "Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RuntimeTests",
            dependencies: [
                "Runtime", "Messaging", "Fixtures", .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "LocalSystemTests", dependencies: ["LocalSystem", "Runtime"], swiftSettings: swiftSettings),
        .testTarget(name: "ContractsTests", dependencies: ["Contracts", "Domain"], swiftSettings: swiftSettings),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "EventLog", "Contracts", "Domain", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "IntakeServiceTests", dependencies: ["IntakeService", "Domain", "IJW", "Storage", "Fixtures"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "MonitorServiceTests",
            dependencies: [
                "MonitorService", "Domain", "Storage",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Stores written by released versions, opened by path (`StoreFixtureTests`).
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "NotifierServiceTests",
            dependencies: [
                "NotifierService", "Domain", "Contracts", "Messaging", "Runtime", "Storage", "Fixtures",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ReporterServiceTests",
            dependencies: [
                "ReporterService", "MonitorService", "Domain", "Contracts", "Messaging", "Storage", "Runtime",
                "Fixtures",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            // Read models written by released versions, opened by path (`StoreFixture0_17Tests`).
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Messaging", "Domain", "Contracts", "Fixtures", "LocalSystem", "Storage",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
    ]
)
