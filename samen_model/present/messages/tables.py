"""Words of the tables (``present/tables``) and the assumptions register."""

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # named outputs ({years}: 2026-2030, or one year)
    "output.deviation": {
        "nl": "Afwijking gesloten vierkant {years}",
        "en": "Square deviation {years}",
    },
    "output.net_savings": {"nl": "Netto besparing {years}", "en": "Net savings {years}"},
    "output.cumulative_net_savings": {
        "nl": "Cumulatieve netto besparing eind {years}",
        "en": "Cumulative net savings end of {years}",
    },
    # Monte Carlo, payback and break-even tables
    "table.uncertainty.output": {"nl": "uitkomst", "en": "output"},
    "table.uncertainty.mean": {"nl": "gemiddelde", "en": "mean"},
    "table.uncertainty.p50": {"nl": "mediaan", "en": "median"},
    "table.uncertainty.share_below_zero": {"nl": "kans < 0", "en": "P(< 0)"},
    "table.uncertainty.probability": {"nl": "kans", "en": "probability"},
    "table.uncertainty.event": {"nl": "gebeurtenis", "en": "event"},
    "table.uncertainty.square_exceeded": {
        "nl": "Gesloten vierkant {start}-{end} overschreden",
        "en": "Closed square {start}-{end} exceeded",
    },
    "table.uncertainty.below_zero": {
        "nl": "Cumulatieve netto besparing eind {year} onder nul",
        "en": "Cumulative net savings end of {year} below zero",
    },
    "table.uncertainty.no_payback": {
        "nl": "Niet terugverdiend binnen de horizon",
        "en": "No payback within the horizon",
    },
    "table.uncertainty.payback_year": {"nl": "terugverdienjaar", "en": "payback year"},
    "table.uncertainty.share": {"nl": "aandeel", "en": "share"},
    "table.uncertainty.cumulative_share": {"nl": "cumulatief", "en": "cumulative"},
    "table.uncertainty.never": {"nl": "niet binnen horizon", "en": "not within horizon"},
    "table.uncertainty.scenario": {"nl": "scenario", "en": "scenario"},
    "table.uncertainty.parameter": {"nl": "aanname", "en": "assumption"},
    "table.uncertainty.from_year": {"nl": "vanaf", "en": "from"},
    "table.uncertainty.target": {"nl": "doel = 0", "en": "target = 0"},
    "table.uncertainty.root": {"nl": "nulpunt", "en": "break-even value"},
    "table.uncertainty.note": {"nl": "toelichting", "en": "note"},
    "table.uncertainty.no_root": {"nl": "geen nulpunt binnen bereik", "en": "no root within range"},
    "table.uncertainty.all_years": {"nl": "alle jaren", "en": "all years"},
    "table.uncertainty.range": {
        "nl": "zoekbereik {lo} tot {hi}; {target} loopt van {a} tot {b}",
        "en": "search range {lo} to {hi}; {target} runs from {a} to {b}",
    },
    "table.uncertainty.shortfall": {
        "nl": "Kans op te weinig personeel (P(wachtlijst))",
        "en": "Chance of too few staff (P(waiting list))",
    },
    "table.uncertainty.year": {"nl": "jaar", "en": "year"},
    # what the municipality could measure (value of information)
    "table.measure.rank": {"nl": "rang", "en": "rank"},
    "table.measure.parameter": {"nl": "aanname", "en": "assumption"},
    "table.measure.how": {"nl": "wat meten", "en": "what to measure"},
    "table.measure.share": {"nl": "deel van de spreiding", "en": "share of the spread"},
    "table.measure.narrowing": {"nl": "bandbreedte smaller", "en": "range narrower by"},
    "table.measure.evppi": {"nl": "waarde van zekerheid", "en": "value of certainty"},
    "table.measure.none": {"nl": "-", "en": "-"},
    # how each assumption could be measured
    "table.measure_how.capacity.caseload_per_fte": {
        "nl": "cliënten per fte bij WIJ (eigen registratie, per kwartaal)",
        "en": "clients per FTE at WIJ (own records, quarterly)",
    },
    "table.measure_how.capacity.realised_caseload_ratio": {
        "nl": "werkelijke caseload tegenover de geplande (registratie WIJ)",
        "en": "realised caseload against the planned one (WIJ records)",
    },
    "table.measure_how.capacity.max_fte_growth_per_year": {
        "nl": "fte in dienst en aannames bij WIJ (personeelsadministratie, per kwartaal)",
        "en": "FTE in service and hires at WIJ (HR records, quarterly)",
    },
    "table.measure_how.capacity.vacancy_rate": {
        "nl": "openstaande vacatures bij WIJ (personeelsadministratie)",
        "en": "open vacancies at WIJ (HR records)",
    },
    "table.measure_how.costs.cost_per_fte_eur": {
        "nl": "loonkosten per fte bij WIJ (jaarrekening, cao-schalen)",
        "en": "staff cost per FTE at WIJ (annual accounts, pay scales)",
    },
    "table.measure_how.routing.leakage": {
        "nl": "declaraties van open-house-aanbieders voor basisjeugdhulp na de start",
        "en": "open-house providers' claims for basic youth care after the start",
    },
    "table.measure_how.routing.first_year_uptake": {
        "nl": "nieuwe cliënten bij SAMEN. per kwartaal tegenover alle nieuwe hulpvragen",
        "en": "new SAMEN. clients per quarter against all new requests",
    },
    "table.measure_how.demand.inflow_per_1000": {
        "nl": "nieuwe hulpvragen basisjeugdhulp per jaar (WIJ, CBS jeugdhulp)",
        "en": "new requests for basic youth care per year (WIJ, CBS youth care)",
    },
    "table.measure_how.routing.step_up_share": {
        "nl": "cliënten van SAMEN. die later naar specialistische jeugdhulp gaan (registratie WIJ "
              "naast declaraties)",
        "en": "SAMEN. clients who later go to specialist youth care (WIJ records against claims)",
    },
    "table.measure_how.routing.step_up_cost_eur_per_case": {
        "nl": "kosten van die specialistische trajecten (declaraties)",
        "en": "cost of those specialist trajectories (claims)",
    },
    "table.measure_how.routing.samen_duration_factor": {
        "nl": "duur van de trajecten bij SAMEN. (registratie WIJ)",
        "en": "length of SAMEN. trajectories (WIJ records)",
    },
    "table.measure_how.products": {
        "nl": "tarieven en trajectduur per product (declaraties open house 2021-2022)",
        "en": "tariffs and trajectory length per product (open-house claims 2021-2022)",
    },
    "table.measure_how.costs.overhead_share": {
        "nl": "overhead van WIJ (jaarrekening)",
        "en": "WIJ's overhead (annual accounts)",
    },
    "table.measure_how.capacity.fte_at_start": {
        "nl": "fte van SAMEN. op 1 januari 2023 (personeelsadministratie)",
        "en": "SAMEN. FTE on 1 January 2023 (HR records)",
    },
    "table.measure_how.demand.inflow_trend": {
        "nl": "nieuwe hulpvragen per jaar, als reeks (WIJ, CBS jeugdhulp)",
        "en": "new requests per year, as a series (WIJ, CBS youth care)",
    },
    "table.measure_how.index": {
        "nl": "OVA en kostenontwikkeling (Rijk, VNG): wordt jaarlijks bekend",
        "en": "OVA and cost development (government, VNG): known each year",
    },
    "table.measure_how.population": {
        "nl": "aantal 0-17-jarigen (CBS StatLine), jaarlijks",
        "en": "number of 0-17 year olds (CBS StatLine), yearly",
    },
    # scenario discovery (PRIM)
    "table.discovery.above": {"nl": "boven", "en": "above"},
    "table.discovery.below": {"nl": "onder", "en": "below"},
    "table.discovery.and": {"nl": "en", "en": "and"},
    "table.discovery.between": {"nl": "tussen {a} en {b}", "en": "between {a} and {b}"},
    "table.discovery.at_most": {"nl": "hoogstens {b}", "en": "at most {b}"},
    "table.discovery.at_least": {"nl": "minstens {a}", "en": "at least {a}"},
    "table.discovery.sampled": {"nl": "getrokken: {a} tot {b}", "en": "sampled: {a} to {b}"},
    "table.discovery.lead": {
        "nl": "{event} treedt vooral op wanneer tegelijk geldt: {conditions}.",
        "en": "{event} happens mainly when all of these hold: {conditions}.",
    },
    "table.discovery.density": {
        "nl": "In dat gebied ({mass} van de trekkingen) geeft {density} van de trekkingen {short} "
              "(de dichtheid; over alle {draws} trekkingen {share}, {cases} trekkingen).",
        "en": "In that region ({mass} of the draws) {density} of the draws give {short} (the "
              "density; over all {draws} draws {share}, {cases} draws).",
    },
    "table.discovery.coverage": {
        "nl": "Het gebied bevat {coverage} van alle trekkingen met {short} (de dekking).",
        "en": "The region holds {coverage} of all draws with {short} (the coverage).",
    },
    "table.discovery.weak": {
        "nl": "De grens op {names} telt nauwelijks mee (quasi-p boven 0,05).",
        "en": "The limit on {names} hardly matters (quasi-p above 0.05).",
    },
    "table.discovery.sample.prior": {
        "nl": "de verdelingen van scenario",
        "en": "the distributions of scenario",
    },
    "table.discovery.sample.values": {
        "nl": "de meegegeven waarden per trekking voor scenario",
        "en": "the given per-draw values for scenario",
    },
    "table.discovery.from": {
        "nl": "Trekkingen uit {sample} {scenario} (startgetal {seed}).",
        "en": "Draws from {sample} {scenario} (seed {seed}).",
    },
    "table.discovery.a": {"nl": "Een", "en": "A"},
    "table.discovery.columns": {
        "nl": ("aanname", "van", "tot", "getrokken van", "getrokken tot", "quasi-p"),
        "en": ("assumption", "from", "to", "sampled from", "sampled to", "quasi-p"),
    },
    "table.discovery.trade": {
        "nl": ("stap", "dekking", "dichtheid", "massa", "begrensde aannames", "gekozen"),
        "en": ("step", "coverage", "density", "mass", "restricted assumptions", "chosen"),
    },
    "table.discovery.overrun": {"nl": "een overschrijding", "en": "an overrun"},
    "table.discovery.case": {"nl": "die uitkomst", "en": "that outcome"},
    # calibration tables
    "table.calibration.field": {"nl": "veld", "en": "field"},
    "table.calibration.value": {"nl": "waarde", "en": "value"},
    "table.calibration.prior": {
        "nl": "scenario vóór kalibratie (prior)",
        "en": "scenario before calibration (prior)",
    },
    "table.calibration.obs": {"nl": "waarnemingen", "en": "observations"},
    "table.calibration.used": {"nl": "gebruikte cijfers", "en": "figures used"},
    "table.calibration.draws": {"nl": "trekkingen uit de prior", "en": "prior draws"},
    "table.calibration.seed": {"nl": "startgetal (seed)", "en": "seed"},
    "table.calibration.ess": {"nl": "effectieve steekproefomvang", "en": "effective sample size"},
    "table.calibration.khat": {"nl": "Pareto k-hat (grens {t})", "en": "Pareto k-hat (limit {t})"},
    "table.calibration.verdict": {"nl": "oordeel", "en": "verdict"},
    "table.calibration.ok": {"nl": "betrouwbaar", "en": "reliable"},
    "table.calibration.bad": {"nl": "niet betrouwbaar: {why}", "en": "not reliable: {why}"},
    "table.calibration.sample": {"nl": "posterieure steekproef", "en": "posterior sample"},
    "table.calibration.parameter": {"nl": "aanname", "en": "assumption"},
    "table.calibration.prior_i": {"nl": "prior: mediaan (P5–P95)", "en": "prior: median (P5–P95)"},
    "table.calibration.post_i": {
        "nl": "posterior: mediaan (P5–P95)",
        "en": "posterior: median (P5–P95)",
    },
    "table.calibration.contraction": {"nl": "krimp", "en": "contraction"},
    "table.calibration.informed": {"nl": "geïnformeerd", "en": "informed"},
    "table.calibration.yes": {"nl": "ja", "en": "yes"},
    "table.calibration.no": {"nl": "nee", "en": "no"},
    "table.calibration.figure": {"nl": "cijfer", "en": "figure"},
    "table.calibration.year": {"nl": "jaar", "en": "year"},
    "table.calibration.reported": {"nl": "gerapporteerd", "en": "reported"},
    "table.calibration.range": {"nl": "bandbreedte", "en": "range"},
    "table.calibration.before": {"nl": "vóór kalibratie", "en": "before calibration"},
    "table.calibration.after": {"nl": "na kalibratie", "en": "after calibration"},
    "table.calibration.loo": {"nl": "zonder dit cijfer", "en": "without this figure"},
    "table.calibration.model": {"nl": "model", "en": "model"},
    "table.calibration.interval": {"nl": "mediaan (P5–P95)", "en": "median (P5–P95)"},
    "table.calibration.fits": {"nl": "past", "en": "fits"},
    "table.calibration.scenario": {"nl": "scenario", "en": "scenario"},
    "table.calibration.version": {"nl": "versie", "en": "version"},
    "table.calibration.forecast": {"nl": "voorspelling (P5–P95)", "en": "forecast (P5–P95)"},
    "table.calibration.median": {"nl": "mediaan", "en": "median"},
    "table.calibration.inside": {"nl": "binnen", "en": "inside"},
    "table.calibration.fitted": {"nl": "in kalibratie", "en": "in calibration"},
    "table.calibration.open_low": {"nl": "ten minste {a}", "en": "at least {a}"},
    "table.calibration.open_high": {"nl": "ten hoogste {a}", "en": "at most {a}"},
    "table.calibration.mln": {"nl": "€ mln", "en": "€M"},
    "table.calibration.version_of": {"nl": "{title} · versie {v}", "en": "{title} · version {v}"},
    "table.calibration.pair": {
        "nl": ("aanname", "samen met", "rangcorrelatie"),
        "en": ("assumption", "together with", "rank correlation"),
    },
    # headers of the results tables
    "table.results.key_figure": {"nl": "kerncijfer", "en": "key figure"},
    "table.results.step": {"nl": "stap", "en": "step"},
    "table.results.item": {"nl": "post", "en": "item"},
    "table.results.provider": {"nl": "aanbieder", "en": "provider"},
    # the manifest of a run as a table
    "table.manifest.package": {"nl": "programma", "en": "package"},
    "table.manifest.git_commit": {"nl": "git-commit", "en": "git commit"},
    "table.manifest.no_git": {"nl": "geen git", "en": "no git"},
    "table.manifest.created": {"nl": "aangemaakt (UTC)", "en": "created (UTC)"},
    "table.manifest.run_key": {"nl": "rekenrun", "en": "run key"},
    "table.manifest.field": {"nl": "veld", "en": "field"},
    "table.manifest.value": {"nl": "waarde", "en": "value"},
    # the budget regime after the transition
    "table.regime_label": {
        "nl": "Budgetregime na de overgang",
        "en": "Budget regime after the transition",
    },
    "table.regime.t2_rule": {
        "nl": "t-2-methode, WIJ houdt verschil",
        "en": "t-2 method, WIJ keeps rest",
    },
    "table.regime.settlement": {"nl": "t-2-methode, verrekend", "en": "t-2 method, settled"},
    "table.regime.reeel_kept": {
        "nl": "reëel, WIJ houdt resultaat",
        "en": "reëel, WIJ keeps result",
    },
    "table.regime.reeel_settled": {"nl": "reëel, verrekend", "en": "reëel, settled"},
    # the assumptions register: words of values
    "register.yes": {"nl": "ja", "en": "yes"},
    "register.no": {"nl": "nee", "en": "no"},
    "register.shipped": {
        "nl": "meegeleverde reeks (0-17 geschat)",
        "en": "shipped series (0-17 estimated)",
    },
    "register.triangular": {
        "nl": "driehoeksverdeling van {low} tot {high}, meest waarschijnlijk {mode}",
        "en": "triangular distribution from {low} to {high}, most likely {mode}",
    },
    "register.uniform": {
        "nl": "gelijk verdeeld tussen {low} en {high}",
        "en": "uniform between {low} and {high}",
    },
    "register.normal": {
        "nl": "normaal verdeeld, gemiddeld {mean}, standaardafwijking {sd}",
        "en": "normal, mean {mean}, standard deviation {sd}",
    },
    "register.lognormal": {
        "nl": "lognormaal verdeeld, mediaan {median}, spreiding {sigma}",
        "en": "lognormal, median {median}, spread {sigma}",
    },
    "register.beta": {
        "nl": "bètaverdeling, gemiddeld {mean}",
        "en": "beta distribution, mean {mean}",
    },
    "register.bounded": {
        "nl": ", begrensd op {low} tot {high}",
        "en": ", bounded to {low} to {high}",
    },
    "register.posterior": {
        "nl": "na kalibratie op de cijfers: mediaan {median}, 90% tussen {p5} en {p95}",
        "en": "after calibration on the figures: median {median}, 90% between {p5} and {p95}",
    },
    "register.basis.document": {"nl": "document", "en": "document"},
    "register.basis.figures": {"nl": "publieke cijfers", "en": "public figures"},
    "register.basis.estimate": {"nl": "schatting", "en": "estimate"},
    "register.basis.what-if": {"nl": "wat-als", "en": "what-if"},
    "register.basis.choice": {"nl": "modelkeuze", "en": "modelling choice"},
    "register.choice.overflow": {
        "nl": "overloop naar open-house-aanbieders",
        "en": "overflow to open-house providers",
    },
    "register.choice.waiting_list": {"nl": "wachtlijst", "en": "waiting list"},
    "register.choice.off": {"nl": "uit", "en": "off"},
    "register.choice.final_budget": {"nl": "eindbudget begrensd", "en": "final budget capped"},
    "register.choice.execution_budget": {
        "nl": "uitvoeringsbudget begrensd",
        "en": "execution budget capped",
    },
    "register.choice.up_to_t-2": {
        "nl": "groei tot 1 januari t-2 (telling t-2 tegen t-3)",
        "en": "growth up to 1 January t-2 (count t-2 over t-3)",
    },
    "register.choice.during_t-2": {
        "nl": "groei in het jaar t-2 (1 januari t-1 tegen t-2)",
        "en": "growth during year t-2 (1 January t-1 over t-2)",
    },
    "register.choice.t2_rule": {
        "nl": "t-2-methode loopt door, WIJ houdt het verschil",
        "en": "t-2 method continued, WIJ keeps the difference",
    },
    "register.choice.settlement": {
        "nl": "t-2-methode loopt door, verrekend met de werkelijke kosten",
        "en": "t-2 method continued, settled against the actual cost",
    },
    "register.choice.reeel": {
        "nl": "reëel budget uit de werkelijke kosten van het laatste overgangsjaar",
        "en": "realistic budget from the actual cost of the last transition year",
    },
    "register.choice.kept": {"nl": "WIJ houdt het resultaat", "en": "WIJ keeps its result"},
    "register.choice.settled": {"nl": "verrekend", "en": "settled"},
    "register.differing.headers": {
        "nl": ("Scenario", "Aanname", "Waarde in dit scenario", "Waarde in het hoofdscenario"),
        "en": ("Scenario", "Assumption", "Value in this scenario", "Value in the main scenario"),
    },
    # the observations table
    "table.observed.figure": {"nl": "grootheid", "en": "quantity"},
    "table.observed.year": {"nl": "jaar", "en": "year"},
    "table.observed.reported": {"nl": "gerapporteerd", "en": "reported"},
    "table.observed.uncertainty": {"nl": "onzekerheid", "en": "uncertainty"},
    "table.observed.basis": {"nl": "grondslag", "en": "basis"},
    "table.observed.date": {"nl": "datum telling", "en": "date of count"},
    "table.observed.used": {"nl": "in kalibratie", "en": "in calibration"},
    "table.observed.source": {"nl": "bron", "en": "source"},
    "table.observed.sd": {"nl": "sd {a}", "en": "sd {a}"},
    "table.observed.edges": {"nl": "{r}, randen sd {a}", "en": "{r}, edges sd {a}"},
    "table.observed.stated": {"nl": "uit het document", "en": "from the document"},
    "table.observed.estimate": {"nl": "schatting", "en": "estimate"},
    "table.observed.yes": {"nl": "ja", "en": "yes"},
    "table.observed.no": {"nl": "nee", "en": "no"},
    # model against the reported figures (calibration table)
    "table.calibration_check.quantity": {"nl": "grootheid", "en": "quantity"},
    "table.calibration_check.year": {"nl": "jaar", "en": "year"},
    "table.calibration_check.reported": {"nl": "gerapporteerd", "en": "reported"},
    "table.calibration_check.difference": {"nl": "verschil", "en": "difference"},
    "table.calibration_check.difference_pct": {"nl": "verschil %", "en": "difference %"},
    "table.calibration_check.source": {"nl": "bron", "en": "source"},
    "register.header.theme": {"nl": "thema", "en": "theme"},
    "register.header.label": {"nl": "aanname", "en": "assumption"},
    "register.header.value": {"nl": "waarde", "en": "value"},
    "register.header.basis": {"nl": "soort", "en": "basis"},
    "register.header.source": {"nl": "bron", "en": "source"},
    "register.run": {
        "nl": ("centrale waarden (geen trekking)", "{draws} trekkingen, startgetal (seed) {seed}"),
        "en": ("central values (no draws)", "{draws} draws, seed {seed}"),
    },
}
