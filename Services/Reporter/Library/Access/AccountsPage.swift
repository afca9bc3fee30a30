import Contracts
import Domain

/// The accounts page of a `beheerder`: who may log in, with which role, and the forms
/// to add an account or switch one off.
enum AccountsPage {
    static func render(_ accounts: [AccountSummary], viewer: HTML.Viewer, done: String?, failed: String?) -> String {
        let e = HTML.escape
        let csrf = "<input type=\"hidden\" name=\"csrf\" value=\"\(e(viewer.csrfToken))\">"
        let rows = accounts.map { account in
            let state =
                account.disabled
                ? "uitgeschakeld"
                : account.lockedUntil.map { "geblokkeerd tot \(DutchDate.text($0))" } ?? "actief"
            let action =
                account.disabled || account.name == viewer.name
                ? ""
                : """
                <form method="post" action="/beheer/accounts/uitschakelen">\(csrf)<input type="hidden" name="naam" value="\(e(account.name))">
                <button type="submit" class="secondary">Uitschakelen<span class="skip"> \(e(account.name))</span></button></form>
                """
            return
                "<tr><th scope=\"row\">\(e(account.name))</th><td>\(e(account.role.rawValue))</td><td>\(state)</td><td>\(action)</td></tr>"
        }
        let roles = AccountRole.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
        let body = """
            <h1>Accounts</h1>
            \(done.map { "<p class=\"notice\" role=\"status\">\(e($0))</p>" } ?? "")
            \(failed.map { "<p class=\"error\" role=\"alert\">Niet gelukt: \(e($0))</p>" } ?? "")
            <div class="scroll" tabindex="0" role="region" aria-label="Accounts"><table class="norms">
            <thead><tr><th scope="col">Naam</th><th scope="col">Rol</th><th scope="col">Staat</th><th scope="col">Actie</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></div>
            <div class="actions"><form method="post" action="/beheer/accounts" aria-labelledby="f-account"><h2 id="f-account">Account toevoegen</h2>\(csrf)
            <label>Naam<input name="naam" required autocomplete="off"></label>
            <label>Rol<select name="rol">\(roles)</select></label>
            <label>Wachtwoord (minstens \(AccountStore.minimumPasswordLength) tekens)<input name="wachtwoord" type="password" required minlength="\(AccountStore.minimumPasswordLength)" autocomplete="new-password"></label>
            <button type="submit">Opslaan</button></form></div>
            <p class="meta">Een bestaande naam krijgt het nieuwe wachtwoord en de nieuwe rol; de persoon logt opnieuw in.
            Lezers kijken mee, contractmanagers handelen, beheerders beheren ook de accounts.</p>
            """
        return HTML.page(title: "Accounts", body: body, viewer: viewer)
    }
}
