import Hummingbird

/// The cookies the dashboard sets: the session (`plafond_sessie`) and the login form's
/// double-submit token (`plafond_inlog`). HttpOnly and SameSite=Strict always, Secure
/// over TLS.
enum SessionCookie {
    static let session = "plafond_sessie"
    static let loginForm = "plafond_inlog"

    static func session(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: session, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func loginForm(_ token: String, secure: Bool) -> Cookie {
        Cookie(
            name: loginForm, value: token, maxAge: 15 * 60, path: "/inloggen", secure: secure, httpOnly: true,
            sameSite: .strict)
    }

    static func expired(_ name: String, path: String = "/", secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }
}
