/// The Dutch e-mail templates (mustache), kept in code so no resource files are needed.
///
/// One message covers one or more alerts (a group, or the daily digest); each alert is
/// a section with its figures and what the rules require next.
enum AlertMailTemplates {
    static let subject =
        "{{prefix}}{{instrumentLabel}} {{normName}}: {{^kindIsIntensity}}{{percentage}} gebruikt{{/kindIsIntensity}}{{#kindIsIntensity}}{{unlawful}} boven de norm{{/kindIsIntensity}}{{#kindIsForecast}} (prognose){{/kindIsForecast}}"

    static let groupSubject = "{{prefix}}{{instrumentLabel}} {{normName}}: {{count}} meldingen, {{percentage}} gebruikt"

    static let digestSubject = "Dagoverzicht Plafond: {{count}} meldingen"

    static let text = """
        {{greeting}}
        {{#intro}}

        {{intro}}
        {{/intro}}
        {{#alerts}}

        {{summary}}

        Norm:        {{normName}}
        Instrument:  {{instrumentLabel}}
        {{#provider}}Aanbieder:   {{provider}}
        {{/provider}}Gemeente:    {{gemeente}}
        {{#categorie}}Zorgsoort:   {{categorie}}
        {{/categorie}}{{^kindIsIntensity}}Besteed:     {{spent}} van {{limit}} ({{percentage}})
        Drempel:     {{threshold}}%
        {{/kindIsIntensity}}{{#kindIsIntensity}}Onrechtmatig: {{unlawful}} aan zorg boven de norm ({{limit}} per cliënt), niet incidenteel
        {{/kindIsIntensity}}        {{#forecast}}Prognose:    {{forecast}} aan het eind van de periode{{#crossing}}, grens overschreden op {{crossing}}{{/crossing}}
        {{/forecast}}
        Wat nu:
        {{#steps}}- {{.}}
        {{/steps}}
        Dashboard: {{dashboardURL}}
        Melding {{alertID}}; bevestigen: plafond alert ack {{alertID}} --door NAAM --notitie TEKST
        {{/alerts}}

        Financiële sturing mag nooit betekenen dat nodige zorg wordt geweigerd: deze
        melding is het begin van een gesprek, geen sanctie.
        """

    static let html = """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><title>{{subject}}</title></head>
        <body style="font-family: sans-serif; color: #1a1a1a; max-width: 40em">
        <p>{{greeting}}</p>
        {{#intro}}<p>{{intro}}</p>{{/intro}}
        {{#alerts}}
        <p><strong>{{summary}}</strong></p>
        <table style="border-collapse: collapse">
        <tr><th style="text-align:left;padding-right:1em">Norm</th><td>{{normName}}</td></tr>
        <tr><th style="text-align:left;padding-right:1em">Instrument</th><td>{{instrumentLabel}}</td></tr>
        {{#provider}}<tr><th style="text-align:left;padding-right:1em">Aanbieder</th><td>{{provider}}</td></tr>{{/provider}}
        <tr><th style="text-align:left;padding-right:1em">Gemeente</th><td>{{gemeente}}</td></tr>
        {{#categorie}}<tr><th style="text-align:left;padding-right:1em">Zorgsoort</th><td>{{categorie}}</td></tr>{{/categorie}}
        {{^kindIsIntensity}}<tr><th style="text-align:left;padding-right:1em">Besteed</th><td>{{spent}} van {{limit}} ({{percentage}})</td></tr>
        <tr><th style="text-align:left;padding-right:1em">Drempel</th><td>{{threshold}}%</td></tr>{{/kindIsIntensity}}
        {{#kindIsIntensity}}<tr><th style="text-align:left;padding-right:1em">Onrechtmatig</th><td>{{unlawful}} aan zorg boven de norm ({{limit}} per cliënt), niet incidenteel</td></tr>{{/kindIsIntensity}}
        {{#forecast}}<tr><th style="text-align:left;padding-right:1em">Prognose</th><td>{{forecast}}{{#crossing}}, grens overschreden op {{crossing}}{{/crossing}}</td></tr>{{/forecast}}
        </table>
        <h3>Wat nu</h3>
        <ul>{{#steps}}<li>{{.}}</li>{{/steps}}</ul>
        <p><a href="{{dashboardURL}}">Bekijk de norm op het dashboard</a> · melding {{alertID}}</p>
        <hr>
        {{/alerts}}
        <p style="color:#555;font-size:small">Financiële sturing mag nooit betekenen dat nodige zorg wordt
        geweigerd: deze melding is het begin van een gesprek, geen sanctie.</p>
        </body></html>
        """
}
