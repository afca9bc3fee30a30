/// How a product code reads in the report: care declared per category without a code
/// is named so, rather than shown as an empty cell a reader would take for a gap.
enum ProductText {
    static func name(_ code: String) -> String { code.isEmpty ? "zonder productcode" : "product \(code)" }
}
