import Domain

/// The login form: labelled fields, the error said in words and announced.
enum LoginPage {
    static func render(csrfToken: String, returnTo: String, error: String? = nil, name: String = "") -> String {
        let e = HTML.escape
        let problem = error.map { "<p class=\"error\" role=\"alert\">\(e($0))</p>" } ?? ""
        return HTML.page(
            title: "Inloggen",
            body: """
                <h1>Inloggen</h1>
                \(problem)
                <form method="post" action="/inloggen" style="display:grid;gap:.8rem;max-width:22rem">
                <input type="hidden" name="csrf" value="\(e(csrfToken))">
                <input type="hidden" name="terug" value="\(e(returnTo))">
                <label>Naam<input name="naam" autocomplete="username" required value="\(e(name))"></label>
                <label>Wachtwoord<input name="wachtwoord" type="password" autocomplete="current-password" required></label>
                <button type="submit">Inloggen</button>
                </form>
                <p class="meta">Een account krijgt u van de beheerder (<code>plafond user add</code>).</p>
                """)
    }
}
