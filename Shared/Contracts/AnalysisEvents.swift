import Domain
import Foundation

/// `analysis.record`: the analysegesprek the contract standard asks for after a threshold
/// (contract manager, policy adviser, provider, sometimes the wijkteam): when, who, what
/// was concluded, the plan van aanpak and when it is looked at again.
public struct AnalysisRecordRequest: AdminRequest, Equatable {
    public static let command = AdminCommand.analysisRecord
    public typealias Reply = AnalysisRecorded
    public private(set) var command = Self.command
    public var normID: Int64
    public var day: Day
    public var participants: String
    public var conclusion: String
    public var plan: String
    public var followUp: Day?
    public var by: String

    public init(
        normID: Int64, day: Day, participants: String, conclusion: String, plan: String, followUp: Day?, by: String
    ) {
        self.normID = normID
        self.day = day
        self.participants = participants
        self.conclusion = conclusion
        self.plan = plan
        self.followUp = followUp
        self.by = by
    }
}

/// `analysis.recorded`: an analysegesprek was held and written down.
public struct AnalysisRecorded: EventBody {
    public static let kind = EventKind.analysisRecorded
    public var v: Int = 1
    public var analysisID: Int64
    public var normID: Int64
    public var day: Day
    public var participants: String
    public var conclusion: String
    public var plan: String
    public var followUp: Day?
    public var by: String
    public var at: Date

    public init(analysisID: Int64, request: AnalysisRecordRequest, at: Date) {
        self.analysisID = analysisID
        normID = request.normID
        day = request.day
        participants = request.participants
        conclusion = request.conclusion
        plan = request.plan
        followUp = request.followUp
        by = request.by
        self.at = at
    }
}
