/// The Dutch e-mail templates (mustache), kept in code so no resource files are needed.
enum AlertMailTemplates {
    static let subject =
        "{{prefix}}{{instrumentLabel}} {{normName}}: {{percentage}} gebruikt{{#kindIsForecast}} (prognose){{/kindIsForecast}}"

    static let text = """
        {{greeting}}

        {{summary}}

        Norm:        {{normName}}
        Instrument:  {{instrumentLabel}}
        {{#provider}}Aanbieder:   {{provider}}
        {{/provider}}Gemeente:    {{gemeente}}
        {{#categorie}}Zorgsoort:   {{categorie}}
        {{/categorie}}Besteed:     {{spent}} van {{limit}} ({{percentage}})
        Drempel:     {{threshold}}%
        {{#forecast}}Prognose:    {{forecast}} aan het eind van de periode{{#crossing}}, grens overschreden op {{crossing}}{{/crossing}}
        {{/forecast}}
        Wat nu:
        {{#steps}}- {{.}}
        {{/steps}}
        Dashboard: {{dashboardURL}}

        Melding {{alertID}} van Plafond. Financiële sturing mag nooit betekenen dat nodige zorg
        wordt geweigerd: deze melding is het begin van een gesprek, geen sanctie.
        """

    static let html = """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><title>{{subject}}</title></head>
        <body style="font-family: sans-serif; color: #1a1a1a; max-width: 40em">
        <p>{{greeting}}</p>
        <p><strong>{{summary}}</strong></p>
        <table style="border-collapse: collapse">
        <tr><th style="text-align:left;padding-right:1em">Norm</th><td>{{normName}}</td></tr>
        <tr><th style="text-align:left;padding-right:1em">Instrument</th><td>{{instrumentLabel}}</td></tr>
        {{#provider}}<tr><th style="text-align:left;padding-right:1em">Aanbieder</th><td>{{provider}}</td></tr>{{/provider}}
        <tr><th style="text-align:left;padding-right:1em">Gemeente</th><td>{{gemeente}}</td></tr>
        {{#categorie}}<tr><th style="text-align:left;padding-right:1em">Zorgsoort</th><td>{{categorie}}</td></tr>{{/categorie}}
        <tr><th style="text-align:left;padding-right:1em">Besteed</th><td>{{spent}} van {{limit}} ({{percentage}})</td></tr>
        <tr><th style="text-align:left;padding-right:1em">Drempel</th><td>{{threshold}}%</td></tr>
        {{#forecast}}<tr><th style="text-align:left;padding-right:1em">Prognose</th><td>{{forecast}}{{#crossing}}, grens overschreden op {{crossing}}{{/crossing}}</td></tr>{{/forecast}}
        </table>
        <h3>Wat nu</h3>
        <ul>{{#steps}}<li>{{.}}</li>{{/steps}}</ul>
        <p><a href="{{dashboardURL}}">Bekijk de norm op het dashboard</a></p>
        <p style="color:#555;font-size:small">Melding {{alertID}} van Plafond. Financiële sturing mag nooit betekenen
        dat nodige zorg wordt geweigerd: deze melding is het begin van een gesprek, geen sanctie.</p>
        </body></html>
        """
}
