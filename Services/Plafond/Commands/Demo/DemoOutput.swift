import Foundation

/// The demo's lines, written straight to standard output: `print` is block-buffered into
/// a pipe or a log file, and the demo's point is to show what happens as it happens.
enum DemoOutput {
    static func say(_ line: String = "") {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
