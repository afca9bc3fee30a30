import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Runtime
import Testing

@testable import ReporterService

/// The dashboard in a real headless browser (Debian's chromium-headless-shell, installed
/// by scripts/setup.sh): the overview and a norm page render with their chart, and a
/// screenshot of each is written to `.build/screenshots/`.
@Suite(.serialized) struct BrowserTests {
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/screenshots")

    /// Runs the browser off the cooperative pool; returns what it printed on stdout.
    static func browser(_ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let process = Process()
                        process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium-headless-shell")
                        process.arguments = ["--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
                        let output = Pipe()
                        process.standardOutput = output
                        process.standardError = FileHandle.nullDevice
                        try process.run()
                        let data = output.fileHandleForReading.readDataToEndOfFile()
                        process.waitUntilExit()
                        return String(decoding: data, as: UTF8.self)
                    })
            }
        }
    }

    /// The width and height a PNG file says it has (IHDR), to check a real image was drawn.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        guard data.count > 24, data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            return nil
        }
        let number = { (offset: Int) in data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    @Test func theOverviewAndANormPageRenderWithTheirChartInARealBrowser() async throws {
        let may10 = Date(timeIntervalSince1970: TimeInterval(20_583 * 86_400))
        let core = ReporterCore(database: try .inMemory(clock: { may10 }))
        try ReadModelTests().feed(core)
        let server = try ReporterHTTPServer.forTests(database: core.database)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        try await Application(router: server.router()).test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let overview = try await Self.browser(["--dump-dom", "\(base)/"])
            #expect(overview.contains("<a href=\"/normen/7\">Begeleiding</a>"))
            let page = try await Self.browser(["--dump-dom", "\(base)/normen/7"])
            #expect(page.contains("<svg"))
            // Two months declared (April, May): two bars; later months belong to the forecast line.
            #expect(page.components(separatedBy: "class=\"bar\"").count - 1 == 2)
            #expect(page.contains("class=\"forecast\""))
            for (name, path) in [("overzicht", "/"), ("norm-7", "/normen/7")] {
                let file = Self.screenshots.appendingPathComponent("\(name).png")
                try? FileManager.default.removeItem(at: file)
                _ = try await Self.browser(["--screenshot=\(file.path)", "--window-size=1280,900", "\(base)\(path)"])
                let image = try Data(contentsOf: file)
                let size = try #require(Self.pngSize(image), "\(name).png is no PNG")
                #expect(size == (1280, 900))
                #expect(image.count > 10_000, "\(name).png looks empty (\(image.count) bytes)")
                print("screenshot: \(file.path) (\(image.count) bytes)")
            }
        }
    }
}
