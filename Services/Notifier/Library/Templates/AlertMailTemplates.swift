/// The Dutch e-mail templates (mustache), kept in code so no resource files are needed.
///
/// One message covers one or more alerts (a group, or the daily digest); each alert is
/// a section with its figures and what the rules require next.
enum AlertMailTemplates {
    // A single alert's subject is worked out in `AlertMailRenderer.subject` (the news first).
    static let groupSubject = "{{prefix}}{{count}} meldingen, {{percentage}} gebruikt — {{subjectName}}"

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
        {{/provider}}{{areaLine}}
        {{#categorie}}Zorgsoort:   {{categorie}}
        {{/categorie}}{{^kindIsIntensity}}Besteed:     {{spent}} van {{limit}} ({{percentage}})
        Drempel:     {{threshold}}%
        {{/kindIsIntensity}}{{#kindIsIntensity}}Onrechtmatig: {{unlawful}} aan zorg boven de norm ({{intensityLimit}}), niet incidenteel
        {{/kindIsIntensity}}{{#forecast}}Prognose:    {{forecast}} aan het eind van de periode{{#crossing}}, grens overschreden op {{crossing}}{{/crossing}}
        {{/forecast}}
        Wat nu:
        {{#steps}}- {{.}}
        {{/steps}}
        Bekijk, bevestig of zet stil op het dashboard (na inloggen): {{dashboardURL}}
        Melding {{alertID}}; of bevestig met: plafond alert ack {{alertID}} --door NAAM --notitie TEKST
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
        <tr><th style="text-align:left;padding-right:1em">{{areaLabel}}</th><td>{{gemeente}}</td></tr>
        {{#categorie}}<tr><th style="text-align:left;padding-right:1em">Zorgsoort</th><td>{{categorie}}</td></tr>{{/categorie}}
        {{^kindIsIntensity}}<tr><th style="text-align:left;padding-right:1em">Besteed</th><td>{{spent}} van {{limit}} ({{percentage}})</td></tr>
        <tr><th style="text-align:left;padding-right:1em">Drempel</th><td>{{threshold}}%</td></tr>{{/kindIsIntensity}}
        {{#kindIsIntensity}}<tr><th style="text-align:left;padding-right:1em">Onrechtmatig</th><td>{{unlawful}} aan zorg boven de norm ({{intensityLimit}}), niet incidenteel</td></tr>{{/kindIsIntensity}}
        {{#forecast}}<tr><th style="text-align:left;padding-right:1em">Prognose</th><td>{{forecast}}{{#crossing}}, grens overschreden op {{crossing}}{{/crossing}}</td></tr>{{/forecast}}
        </table>
        <h3>Wat nu</h3>
        <ul>{{#steps}}<li>{{.}}</li>{{/steps}}</ul>
        <p><a href="{{dashboardURL}}">Bekijk, bevestig of zet stil op het dashboard</a> (na inloggen) · melding {{alertID}};
        of bevestig met <code>plafond alert ack {{alertID}} --door NAAM --notitie TEKST</code></p>
        <hr>
        {{/alerts}}
        <p style="color:#555;font-size:small">Financiële sturing mag nooit betekenen dat nodige zorg wordt
        geweigerd: deze melding is het begin van een gesprek, geen sanctie.</p>
        </body></html>
        """
}
