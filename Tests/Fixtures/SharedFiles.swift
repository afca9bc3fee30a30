import Foundation

/// `../shared/ijw-3.2` beside the checkout: read at run time, never copied.
public enum SharedFiles {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let ijw = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/ijw-3.2")

    public static func example(_ name: String) throws -> Data {
        try Data(contentsOf: ijw.appendingPathComponent("examples/\(name).xml"))
    }

    /// Validates with xmllint against the message's XSD; returns xmllint's complaint, or nil.
    public static func schemaProblems(_ document: Data, schema: String) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ijw-\(UUID()).xml")
        try document.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "xmllint", "--noout", "--schema", ijw.appendingPathComponent("xsd/\(schema).xsd").path, file.path,
        ]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : String(decoding: output, as: UTF8.self)
    }
}
