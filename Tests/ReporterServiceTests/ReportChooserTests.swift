import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ReporterService

/// The menu's "Rapportage" opens a form that asks which report; what the form sends (empty
/// fields included) is a report, and a question it cannot answer comes back to the form.
@Suite struct ReportChooserTests {
    @Test func theMenuLeadsToAFormThatAsksWhichReport() async throws {
        let server = try ReportTests().server()
        let year = server.database.today().year
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: server.reader) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/rapport\">Rapportage</a>"))
            }
            try await client.execute(uri: "/rapport", method: .get, headers: server.reader) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains("<form class=\"filters\" method=\"get\" action=\"/rapport\""))
                #expect(page.contains("<option value=\"\(year)\" selected>\(year), heel jaar</option>"))
                #expect(page.contains("<option value=\"\(year - 2)-Q4\">\(year - 2), kwartaal 4</option>"))
                #expect(page.contains("<option value=\"Rijk van Nijmegen\">Rijk van Nijmegen</option>"))
                #expect(page.contains("<option value=\"csv\">spreadsheet (CSV)</option>"))
                #expect(!page.contains("role=\"alert\""))
            }
        }
    }

    /// A browser sends every field of the form, the empty ones as `name=` and a space as
    /// `+` (form encoding, which Hummingbird's own query reading leaves as a `+`).
    @Test func whatTheFormSendsIsTheReport() async throws {
        let server = try ReportTests().server()
        try await Application(router: server.router()).test(.router) { client in
            let sent =
                "/rapport?gemeente=&regio=Rijk+van+Nijmegen&periode=2026&peildatum=&basisjaar=&prijsindex="
                + "&basisprijsindex=&formaat=html"
            try await client.execute(uri: sent, method: .get, headers: server.reader) { response in
                #expect(response.status == .ok)
                #expect(
                    String(buffer: response.body).contains(
                        "<h1>Jeugdhulp: bestedingen en gebruik, regio Rijk van Nijmegen, 2026</h1>"))
            }
            // The start page's regio filter is the same kind of form.
            try await client.execute(uri: "/?regio=Rijk+van+Nijmegen", method: .get, headers: server.reader) {
                response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<option value=\"Rijk van Nijmegen\" selected>"))
            }
            try await client.execute(
                uri: "/rapport?gemeente=0209&regio=&periode=2026-Q3&formaat=csv", method: .get, headers: server.reader
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("rapport-0209-2026-Q3.csv") == true)
            }
        }
    }

    @Test func aQuestionTheReportCannotAnswerComesBackToTheFormWithTheReason() async throws {
        let server = try ReportTests().server()
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(
                uri: "/rapport?gemeente=0268&regio=Rijk%20van%20Nijmegen&periode=2026-Q2&basisjaar=2025",
                method: .get, headers: server.reader
            ) { response in
                #expect(response.status == .badRequest)
                let page = String(buffer: response.body)
                #expect(
                    page.contains(
                        "<p class=\"error\" role=\"alert\">Niet gelukt: geef gemeente of regio, niet allebei</p>"))
                // What was given stays in the form, to correct rather than type again.
                #expect(
                    page.contains(
                        "name=\"gemeente\" inputmode=\"numeric\" pattern=\"[0-9]{4}\" size=\"6\" value=\"0268\""))
                #expect(page.contains("<option value=\"2026-Q2\" selected>"))
                #expect(
                    page.contains(
                        "name=\"basisjaar\" inputmode=\"numeric\" pattern=\"[0-9]{4}\" size=\"6\" value=\"2025\""))
            }
            try await client.execute(
                uri: "/rapport?regio=Holland%20Rijnland&periode=2026", method: .get, headers: server.reader
            ) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Niet gelukt: regio Holland Rijnland is onbekend"))
            }
            // A misspelt parameter or a value that does not decode is refused, never read as
            // "not given" (which would be everything the installation follows).
            for uri in [
                "/rapport?gemeete=0268&periode=2026&formaat=csv", "/rapport?gemeente=02%6&periode=2026&formaat=csv",
            ] {
                try await client.execute(uri: uri, method: .get, headers: server.reader) { response in
                    let body = try APIErrorBody(response)
                    #expect(response.status == .badRequest && body.code == "ONGELDIGE_PARAMETER", "\(uri)")
                }
            }
            try await client.execute(
                uri: "/rapport?gemeete=0268&periode=2019-Q1", method: .get, headers: server.reader
            ) { response in
                #expect(response.status == .badRequest)
                let page = String(buffer: response.body)
                #expect(page.contains("<title>Niet gelukt – Rapportage"))
                #expect(page.contains("Niet gelukt: onbekende parameter gemeete; deze route kent: gemeente, regio"))
                // A period not offered stays chosen, to correct rather than lose.
                #expect(page.contains("<option value=\"2019-Q1\" selected>2019-Q1</option>"))
            }
            // What comes back into the form is escaped.
            try await client.execute(
                uri: "/rapport?gemeente=%22%3E%3Cscript%3E&periode=2026", method: .get, headers: server.reader
            ) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .badRequest)
                #expect(page.contains("value=\"&quot;&gt;&lt;script&gt;\"") && !page.contains("<script>"))
            }
            // The first of a repeated parameter counts, as in the API's reading.
            try await client.execute(
                uri: "/rapport?gemeente=abcd&gemeente=0268&periode=2026", method: .get, headers: server.reader
            ) { response in
                #expect(response.status == .badRequest)
            }
            // A script asking for CSV or JSON gets the API's error body.
            try await client.execute(
                uri: "/rapport?regio=Holland%20Rijnland&periode=2026&formaat=csv", method: .get, headers: server.reader
            ) { response in
                let body = try APIErrorBody(response)
                #expect(response.status == .notFound && body.code == "REGIO_ONBEKEND")
            }
        }
    }

    /// The report carries figures about care as every dashboard page does: never stored by
    /// a cache, and as a page never framed nor loading anything from elsewhere.
    @Test func theReportIsNeverCachedAndItsPageNeverFramed() async throws {
        let server = try ReportTests().server()
        try await Application(router: server.router()).test(.router) { client in
            for format in ["html", "csv", "json"] {
                try await client.execute(
                    uri: "/rapport?gemeente=0268&periode=2026&formaat=\(format)", method: .get, headers: server.reader
                ) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl] == "no-store", "\(format)")
                    let frames = response.headers[HTTPField.Name("X-Frame-Options")!]
                    let policy = response.headers[HTTPField.Name("Content-Security-Policy")!]
                    if format == "html" {
                        #expect(frames == "DENY" && policy?.contains("frame-ancestors 'none'") == true)
                    }
                }
            }
        }
    }
}
