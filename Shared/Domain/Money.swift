import Foundation

/// An amount of money in eurocents. Never a floating-point number: every amount in iJw
/// is an integer number of cents, and every sum here stays exact to the cent.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) {
        self.cents = cents
    }

    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.cents -= rhs.cents }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Basis points of `limit` (7250 = 72,50%), rounded down; 0 when the limit is 0.
    public func basisPoints(of limit: Money) -> Int64 {
        guard limit.cents != 0 else { return 0 }
        return Int64(clamping: Int128(cents) * 10_000 / Int128(limit.cents))
    }

    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }

    public var description: String { dutch }
}
