import Foundation

/// A duration as operators write it in the configuration file: `"30s"`, `"5m"`, `"12h"`,
/// `"14d"` or `"1w"`. Plain seconds are accepted too.
public struct ConfiguredDuration: Sendable, Equatable, Codable, CustomStringConvertible {
    public var seconds: TimeInterval

    public init(seconds: TimeInterval) { self.seconds = seconds }

    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unit = trimmed.last else { return nil }
        let factors: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        if let factor = factors[unit], let value = Double(trimmed.dropLast()), value >= 0 {
            seconds = value * factor
        } else if let value = Double(trimmed), value >= 0 {
            seconds = value
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self), number >= 0 {
            seconds = number
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = ConfiguredDuration(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(text) is no duration (use e.g. 30s, 5m, 12h, 14d, 1w)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        for (unit, factor) in [("w", 604_800.0), ("d", 86_400), ("h", 3600), ("m", 60)]
        where seconds >= factor && seconds.truncatingRemainder(dividingBy: factor) == 0 {
            return "\(Int(seconds / factor))\(unit)"
        }
        return "\(Int(seconds))s"
    }
}
