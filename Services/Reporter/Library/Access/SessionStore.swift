import Contracts
import Foundation
import Synchronization

/// The sessions of the people logged in, in memory: a restart of the reporter logs
/// everyone out, which a dashboard can afford and which keeps no session secrets on
/// disk. A session ends after `idle` without a request or `maximum` after login.
final class SessionStore: Sendable {
    private let sessions = Mutex<[String: Session]>([:])
    let idle: Duration
    let maximum: Duration
    let clock: @Sendable () -> Date

    init(
        idle: Duration = .seconds(8 * 3600), maximum: Duration = .seconds(12 * 3600),
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.idle = idle
        self.maximum = maximum
        self.clock = clock
    }

    /// Starts a session; returns its token (for the cookie) and the session.
    func start(name: String, role: AccountRole) -> (token: String, session: Session) {
        let now = clock()
        let session = Session(name: name, role: role, csrfToken: RandomToken.make(), lastSeen: now, started: now)
        let token = RandomToken.make()
        sessions.withLock { all in
            all = all.filter { isAlive($0.value, now: now) }
            all[token] = session
        }
        return (token, session)
    }

    /// The live session behind a cookie's token, its idle clock restarted.
    func session(token: String) -> Session? {
        let now = clock()
        return sessions.withLock { all in
            guard var session = all[token] else { return nil }
            guard isAlive(session, now: now) else {
                all[token] = nil
                return nil
            }
            session.lastSeen = now
            all[token] = session
            return session
        }
    }

    func end(token: String) {
        _ = sessions.withLock { $0.removeValue(forKey: token) }
    }

    /// A disabled account is logged out everywhere at once.
    func endAll(name: String) {
        sessions.withLock { all in all = all.filter { $0.value.name != name } }
    }

    private func isAlive(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeen) < Double(idle.components.seconds)
            && now.timeIntervalSince(session.started) < Double(maximum.components.seconds)
    }
}
