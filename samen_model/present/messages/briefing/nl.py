"""The council briefing's sentence templates in Dutch, written out per language because long
prose reads best that way; :mod:`.en` has the same keys (checked at import), and
:mod:`samen_model.present.messages.briefing` makes them catalogue messages
``briefing.text.<key>``. The conventions they follow are in
:mod:`samen_model.products.briefing.text`."""

from __future__ import annotations

TEXT: dict[str, str | tuple[str, ...]] = {
    # page 1
    "bottom_cost": "**Als het budget van WIJ na {end} wordt bepaald zoals het model "
                   "aanneemt ({regime}; geen besluit), kost SAMEN. de gemeente in "
                   "{lo}–{hi} naar verwachting netto {median} meer dan de oude werkwijze "
                   "(middelste uitkomst van de doorgerekende situaties).**",
    "bottom_saving": "**Als het budget van WIJ na {end} wordt bepaald zoals het model "
                     "aanneemt ({regime}; geen besluit), levert SAMEN. de gemeente in "
                     "{lo}–{hi} naar verwachting netto {median} op ten opzichte van de "
                     "oude werkwijze (middelste uitkomst van de doorgerekende situaties).**",
    "median_range": "Dat is de middelste uitkomst van {draws} doorgerekende situaties met "
                    "onzekere aannames; in 9 van de 10 doorgerekende situaties ligt het "
                    "netto resultaat {range}.",
    "central_gap": "Het hoofdscenario, dat met één waarde per aanname rekent, komt uit op "
                   "{main}. De doorgerekende situaties gaan uit van aannames die zijn "
                   "afgestemd op de cijfers van {last_obs}; met alleen de middelste waarde "
                   "van elk van die aannames geven ze {calibrated}. {why}",
    "central_only": "Het hoofdscenario, dat met één waarde per aanname rekent, komt uit op "
                    "{main}.",
    "gap_calibration": "Het verschil met het hoofdscenario komt dus vooral uit die "
                       "afstemming op de cijfers van {last_obs}, niet uit de spreiding.",
    "gap_spread": "Het verschil met het hoofdscenario komt dus vooral uit de spreiding "
                  "van de onzekere aannames, minder uit de afstemming op de cijfers van "
                  "{last_obs}.",
    "choice_line": "De keuze die het meest uitmaakt, is hoe het budget van WIJ na {end} "
                   "wordt bepaald. {best_label}, dan is de middelste uitkomst {median} "
                   "(9 van de 10 situaties: {range}). Paragraaf 5 zet de mogelijkheden "
                   "naast elkaar.",
    "fig_regimes": "Netto resultaat {lo}–{hi} per manier om het budget na {end} te "
                   "bepalen: de middelste uitkomst (punt) en de band waarbinnen 9 van de 10 "
                   "doorgerekende situaties vallen. Rechts van de nul: besparing; links: "
                   "extra kosten.",
    "more_square": "Over de overgangsperiode {start}–{end} blijven de uitgaven aan "
                   "jeugdhulp naar verwachting {square} (middelste uitkomst van de "
                   "doorgerekende situaties; in het hoofdscenario {central}; paragraaf 4).",
    "more_cut": "Een taakstelling van {share} op het budget van WIJ vanaf {struct} is "
                "in het hoofdscenario genoeg om in {lo}–{hi} quitte te spelen (paragraaf 7).",
    "more_risk": "Het grootste doorgerekende risico, “{title}”, maakt van de {main} van "
                 "het hoofdscenario in {lo}–{hi} {net} (paragraaf 6).",
    # 1 occasion
    "occasion_1": "De raad stemde op 28 september 2022 in met het implementatieplan voor "
                  "de basisjeugdhulp bij WIJ Groningen, SAMEN. ({evaluation}, §1). Het "
                  "financiële kader spreekt een overgangsperiode {start}–{end} af waarin "
                  "op voorhand geen besparingen worden ingeboekt; vanaf {struct} worden de "
                  "structurele effecten in het budget verwerkt ({framework}, §8). Hoe het "
                  "budget van WIJ na {end} wordt bepaald, legt het kader niet vast.",
    "occasion_2": "Deze notitie beantwoordt drie vragen: wat er tot en met {last_obs} is "
                  "gebeurd, wat SAMEN. de gemeente naar verwachting kost of oplevert tot "
                  "en met {last}, en welke keuzes en risico's die uitkomst het meest "
                  "bepalen. Zij rekent met het rekenmodel SAMEN., dat de afspraken van "
                  "het kader volgt en de uitgaven met en zonder SAMEN. naast elkaar zet.",
    "occasion_time": "De notitie is gemaakt in {made}. Het model gebruikt cijfers tot en "
                     "met {last_obs}; alles daarna, ook over jaren die inmiddels voorbij "
                     "zijn, is een verwachting van het model.",
    # 2 context
    "context_1": "Sinds 1 januari {start} biedt WIJ Groningen zelf basisjeugdhulp, zoals "
                 "individuele begeleiding en gezinsbegeleiding. Daarvoor ging die hulp naar "
                 "aanbieders in de open house van de RIGG, die per jeugdige werden betaald. "
                 "WIJ krijgt er een jaarbudget voor. Hulpvormen en verwijzers komen "
                 "stap voor stap over; het model neemt aan: {phases}.",
    "context_2": "Het budget voor een jaar volgt de werkelijke kosten van vergelijkbare "
                 "zorg twee jaar eerder, bijgesteld voor het aantal jeugdigen, loon- en "
                 "prijsstijging en een toets op 1 maart (bijlage 1). In de "
                 "overgangsperiode verrekent WIJ het verschil tussen budget en werkelijke "
                 "kosten met de gemeente, en gelden de totale uitgaven aan jeugdhulp als "
                 "een gesloten vierkant: met SAMEN. zijn ze niet hoger dan zonder. Over "
                 "de budgetregel zegt het kader: “{t2_quote}” ({framework}, §8).",
    "phase": "{what} vanaf {year}",
    # 3 happened
    "happened_intro": "De cijfers hieronder staan in de documenten; de tabel geeft ze "
                      "zoals de bron ze noemt, met de datum en of het een telling of een "
                      "verwachting is. Over {after} zijn nog geen cijfers verwerkt.",
    "happened_caption": "Cijfers uit de documenten over SAMEN., zoals de bron ze noemt.",
    "happened_head": ("Wat", "Zoals de bron het zegt", "Soort", "Datum", "Bron"),
    "happened_count": "Het model komt voor {year} uit op {modelled} jeugdigen over het "
                      "hele jaar; de {reported} van de evaluatie zijn geteld in november "
                      "{year}, dus zonder de laatste weken van het jaar.",
    "happened_overrun": "Het nadeel van {reported} over {year} is een verwachting uit "
                        "december {year}, geen afgerekend resultaat.",
    # 4 expected
    "expected_1": "Vanaf {first} zijn alle cijfers verwachtingen van het model. Het "
                  "rekent met de cijfers tot en met {last_obs} en met de aannames in "
                  "bijlage 3, en het laat de onzekere aannames variëren over {draws} "
                  "doorgerekende situaties.",
    "expected_square": "Over de overgangsperiode {start}–{end} blijven de uitgaven aan "
                       "jeugdhulp naar verwachting {square} (middelste uitkomst; 9 van de "
                       "10 situaties: {range}). In {share} doorgerekende situaties komen ze "
                       "boven het gesloten vierkant.",
    "expected_net": "Na de overgangsperiode, in {lo}–{hi}, is het netto resultaat naar "
                    "verwachting {median} (middelste uitkomst van de doorgerekende "
                    "situaties). In {share} doorgerekende situaties is het netto resultaat "
                    "ongunstiger dan in het hoofdscenario. {gap}",
    "expected_payback": "In het hoofdscenario verdient SAMEN. zich {payback}; in {share} "
                        "doorgerekende situaties verdient SAMEN. zich vóór eind {last} "
                        "terug.",
    "payback_no": "vóór eind {last} niet terug", "payback_yes": "naar verwachting terug in "
                                                               "{year}",
    "expected_fte": "Het hoofdscenario komt voor eind {end} uit op {fte} fte voor SAMEN. "
                    "In december {last_obs} had WIJ volgens de evaluatie “{reported} fte in "
                    "dienst”.",
    "fig_outlook": "Opgeteld netto resultaat sinds de start, per jaar: de middelste "
                   "uitkomst, de band van 9 van de 10 doorgerekende situaties en het "
                   "hoofdscenario. Boven de nul: besparing; onder de nul: extra kosten.",
    # 5 choice
    "choice_1": "Over de budgetregel zegt het kader dat die “{t2_quote}”. Na {end} moet "
                "dus worden gekozen hoe het budget van WIJ wordt bepaald. {decided}Het "
                "model rekent de mogelijkheden door met dezelfde aannames; alleen de "
                "manier van budgetteren verschilt.",
    "choice_caption": "Netto resultaat {lo}–{hi} per manier van budgetteren na {end}.",
    "choice_head": ("Budget na {end}", "Wat het betekent", "Met één waarde per aanname",
                    "Middelste uitkomst", "9 van de 10 situaties"),
    "choice_kept": "Als de budgetregel doorloopt, houdt WIJ in {struct} in het hoofdscenario "
                   "naar verwachting "
                   "{kept} (het budget min de kosten van SAMEN.); over {lo}–{hi} is dat "
                   "{kept_total}. Het kader gaat ervan uit dat WIJ geen tekorten of "
                   "overschotten houdt (uitgangspunt 3), maar noemt dat alleen “in ieder "
                   "geval gedurende de overgangperiode”.",
    "choice_main": "De andere paragrafen rekenen met “{main}”, de vetgedrukte regel. Dat is "
                   "een keuze van het model, geen besluit.",
    "choice_decided": "Het budget van {struct} moest uiterlijk 1 oktober {deadline} zijn "
                      "vastgesteld; of dat is gebeurd en welke regel daarbij is gevolgd, "
                      "staat niet in de bronnen van het model, die tot en met {last_obs} "
                      "gaan. De vergelijking hieronder laat zien wat elke regel "
                      "betekent; leg het genomen besluit ernaast. ",
    # 6 risks
    "risks_1": "Het memo aan de raad over de totstandkoming van SAMEN. noemt als "
               "risico's van de invoering “{risk_quote}” ({memo}, §5); de evaluatie noemt "
               "de weglek naar specialistische hulp en de overgang van verwijzers. Elk "
               "risico is doorgerekend als een scenario: het hoofdscenario met één aanname "
               "anders. Naast het netto resultaat van de gemeente staat het eigen resultaat "
               "van WIJ: een scenario dat de gemeente geld oplevert omdat WIJ een tekort "
               "draagt, is geen goed nieuws. De kolom 'samen' telt beide op. De kolom 'hoe "
               "vaak' zegt in hoeveel van de doorgerekende situaties het netto resultaat "
               "van de gemeente even slecht of slechter is, en bij een scenario dat voor "
               "de gemeente gunstiger is, hoe vaak het even goed of beter is.",
    "risks_caption": "Risico's en kansen {lo}–{hi}: netto resultaat van de gemeente, eigen "
                     "resultaat van WIJ en het verschil van die twee samen met het "
                     "hoofdscenario (gemeente {main}, WIJ {main_wij}); verschillen berekend "
                     "vóór afronding.",
    "risks_head": ("Scenario", "Wat er anders is", "Gemeente", "WIJ",
                   "Samen, verschil", "Hoe vaak"),
    "better": "{amount} gunstiger", "worse": "{amount} ongunstiger",
    "often_worse": "{n} van de 10 even slecht of slechter",
    "often_better": "{n} van de 10 even goed of beter",
    "often_rare": "minder dan 1 van de 10",
    "staff": "**Personeel.** In {share} doorgerekende situaties kan WIJ in {year} "
             "niet alle nieuwe hulpvragen zelf aannemen, omdat het personeel niet snel "
             "genoeg groeit; in het hoofdscenario gebeurt dat niet. Wie niet terechtkan, "
             "gaat in het model naar een open-house-aanbieder; een wachtlijst is de andere "
             "mogelijkheid. De evaluatie meldt voor {last_obs}: “er zijn geen "
             "wachtlijsten”.",
    "waterbed": "**Waterbedeffect.** Jeugdigen die na de hulp van SAMEN. alsnog "
                "specialistische hulp nodig hebben, staan in het hoofdscenario op nul, "
                "omdat er geen cijfers over zijn; als dat aandeel groeit, kost SAMEN. meer.",
    "waterbed_run": "**Waterbedeffect.** Jeugdigen die na de hulp van SAMEN. alsnog "
                    "specialistische hulp nodig hebben, staan in het hoofdscenario op nul, "
                    "omdat er geen cijfers over zijn. In het scenario “{title}” heeft vanaf "
                    "{year} {share} van de nieuwe cliënten van SAMEN. later alsnog "
                    "specialistische hulp nodig. Dat kost de gemeente in {lo}–{hi} naar "
                    "verwachting {cost} extra; het netto resultaat wordt dan {net} in plaats "
                    "van {main}.",
    "waterbed_follow": "Hoe vaak opschaling voorkomt, is daarom een van de eerste dingen "
                       "om te volgen.",
    "waterbed_often": "In de doorgerekende situaties van paragraaf 4 ligt dat aandeel "
                      "tussen {low} en {high}; in {often} is het {share} of meer.",
    "wij_carries": "**Wie het verschil draagt.** Na {end} houdt WIJ in het hoofdscenario "
                   "zijn eigen resultaat; in {lo}–{hi} is dat naar verwachting {main}. Waar "
                   "een scenario voor de gemeente gunstiger uitvalt, draagt WIJ vaak het "
                   "verschil: {items} (bijlage 2).",
    "wij_item": "bij “{title}” {wij}",
    "gi": "**Verwijzingen van de gecertificeerde instellingen.** De evaluatie zegt: "
          "“{gi_quote}” (met ingang van 1 januari {gi_year}). Als die overgang een jaar "
          "later komt, verandert het netto resultaat zoals de tabel laat zien.",
    # 7 break-even
    "breakeven_found": "In het hoofdscenario is een taakstelling van {share} op het budget "
                       "van WIJ vanaf {struct} genoeg om in {lo}–{hi} quitte te spelen "
                       "(netto resultaat nul). Ter vergelijking: {examples}. Het kader "
                       "vraagt dat een taakstelling onderbouwd is met ervaringen uit de "
                       "praktijk (uitgangspunt 1); de cijfers over {after} kunnen "
                       "die onderbouwing geven.",
    "breakeven_none": "In het hoofdscenario is met een taakstelling op het budget van WIJ "
                      "geen netto resultaat nul te bereiken in {lo}–{hi}.",
    "breakeven_none_needed": "In het hoofdscenario is het netto resultaat in {lo}–{hi} "
                             "al een besparing; een taakstelling is daarvoor niet nodig.",
    "breakeven_regime": "{regime}, dan is een taakstelling van {share} op het budget van "
                        "WIJ vanaf {struct} genoeg om in {lo}–{hi} quitte te spelen "
                        "(met één waarde per aanname). De cijfers over {after} kunnen die "
                        "taakstelling onderbouwen, zoals het kader vraagt (uitgangspunt 1).",
    "example": "{title} geeft {net}",
    # 8 what to measure
    "measure_1": "De band van 9 van de 10 doorgerekende situaties voor {lo}–{hi} ({range}) "
                 "is breed, omdat veel aannames nog schattingen zijn. Voor elke onzekere "
                 "aanname gaat het model na hoeveel van de spreiding in het netto resultaat "
                 "verdwijnt als die aanname precies bekend is, in dezelfde {draws} "
                 "doorgerekende situaties als op pagina 1.",
    "measure_top": "Het meest helpt een beter cijfer voor {label}: als dat bekend is, "
                   "wordt de band naar verwachting ongeveer {narrow} smaller. Daarna volgen "
                   "{others}. De tabel zegt waar elk cijfer vandaan kan komen.",
    "measure_alone": "Geen aanname bepaalt de band alleen; pas als meer van deze cijfers "
                     "bekend zijn, wordt de band duidelijk smaller. De cijfers over {after} "
                     "geven een eerste beeld (paragraaf 9).",
    "measure_staff": "Of WIJ genoeg personeel heeft voor alle nieuwe hulpvragen (in {share} "
                     "doorgerekende situaties lukt dat in een of meer jaren van {lo}–{hi} "
                     "niet), hangt vooral af van {label} ({what}).",
    "measure_few": "Met {draws} doorgerekende situaties is niet betrouwbaar te zeggen "
                   "welke aanname de band het meest bepaalt; daarvoor zijn er minstens "
                   "{min} nodig.",
    "measure_caption": "De aannames die de band van het netto resultaat {lo}–{hi} het meest "
                       "bepalen, en waar een beter cijfer vandaan kan komen.",
    "measure_head": ("Aanname", "Deel van de spreiding", "Band wordt smaller met",
                     "Waar het cijfer vandaan kan komen"),
    # 9 next
    "next": (
        "De cijfers over {after} (jeugdigen, fte, budget en verrekening) vervangen de "
        "schattingen van het model; daarna wordt het opnieuw afgestemd en deze notitie "
        "opnieuw gemaakt.",
        "{decision}",
        "De evaluatie kondigt een eigen monitoring aan voor de verwijzingen van de "
        "gecertificeerde instellingen en zegt: “{impact_quote}” De uitkomsten daarvan "
        "horen naast deze cijfers.",
        "De groei van het personeel, de weglek en de opschaling naar specialistische hulp "
        "zijn het eerst te volgen (paragraaf 6); paragraaf 8 noemt de cijfers die de "
        "onzekerheid het meest verkleinen.",
    ),
    # 10 limits
    "limits": (
        "Het model rekent met geld en aantallen, niet met de kwaliteit van de hulp of wat "
        "die voor kinderen en gezinnen oplevert. Daarover gaat de impactmeting die de "
        "evaluatie aankondigt.",
        "De evaluatie meldt voor {last_obs} dat er geen wachtlijsten zijn en dat er "
        "“{contact_quote}” Het model rekent niet met wachttijden tot het eerste contact.",
        "Een preventief effect van SAMEN. en opschaling naar specialistische hulp staan "
        "op nul, omdat er geen cijfers over zijn (bijlage 3); paragraaf 6 laat zien wat "
        "opschaling kan kosten.",
        "Alle bedragen zijn in euro's van het jaar zelf (nominaal), zonder rente of "
        "contante waarde.",
    ),
    # annexes
    "budget_caption": "Van de kosten van vergelijkbare zorg naar het budget van WIJ en de "
                      "verrekening, hoofdscenario; bedragen in miljoenen euro's. {first} "
                      "sluit aan op de evaluatie; vanaf {next_year} zijn het verwachtingen.",
    "budget_step": "Stap",
    "register_count": "Het hoofdscenario heeft {n} aannames: {parts}. Bij een aanname die "
                      "op een document rust, staan de woorden uit dat document erbij.",
    "register_caption": "Aannames: {theme}.",
    "register_head": ("Aanname", "Waarde", "Soort", "Bron"),
    "sources_intro": "De documenten en publieke cijfers waarnaar deze notitie en de "
                     "aannames verwijzen.",
    "colophon": "Deze notitie is gemaakt op {created} (UTC) door {author}. Zij rekent met "
                "het hoofdscenario {main} en de scenario's {others}, en met {draws} "
                "doorgerekende situaties (startgetal {seed}). Kenmerk van deze berekening: "
                "**{key}**. Met dezelfde invoer geeft het model hetzelfde kenmerk en "
                "dezelfde cijfers. Welke versies van het model en de invoer zijn gebruikt, "
                "staat in het bestand manifest.json bij deze notitie.",
    "colophon_observations": "De cijfers over {last_obs} komen uit: {file}.",
    "decision_open": "Vóór het budget van {struct} wordt vastgesteld (uiterlijk 1 oktober "
                     "{deadline}) legt het college vast hoe het budget van WIJ na {end} "
                     "wordt bepaald (paragraaf 5).",
    "decision_taken": "Het budget van {struct} moest uiterlijk 1 oktober {deadline} zijn "
                      "vastgesteld. Welke regel daarbij is gevolgd, staat niet in de bronnen "
                      "van het model; leg het besluit naast de vergelijking van paragraaf 5 "
                      "en reken het model zo nodig opnieuw door met die regel.",
    # words
    "saving": "besparing", "cost": "extra kosten",
    "above": "{amount} boven het gesloten vierkant",
    "below": "{amount} onder het gesloten vierkant",
    "even": "vrijwel precies op het gesloten vierkant",
    "between": "tussen {a} en {b}",
    "between_mixed": "tussen {a} {wa} en {b} {wb}",
    "and": "en",
    "square_sides": ("onder", "boven"),  # a band of closed-square deviations: (below, above)
    "square_band": "{band} het gesloten vierkant",
    # a share of situations as a council member says it (in_ten)
    "in_ten": "{n} van de 10", "in_hundred": "{n} van de 100",
    "in_ten_most": "meer dan 99 van de 100", "in_ten_fewest": "minder dan 1 van de 100",
}


#: The words of the briefing's charts (``briefing.chart.<key>``).
CHART: dict[str, str] = {
    "saving": "besparing →",
    "cost": "← extra kosten",
    "median": "middelste uitkomst",
    "range": "9 van de 10 doorgerekende situaties",
    "main": "hoofdscenario (één waarde per aanname)",
    "year": "Jaar",
    "transition": "overgangsperiode",
    "y_outlook": "← extra kosten    € mln    besparing →",
    "observed": "← cijfers tot en met {year} · daarna verwachting →",
    "alt_regimes": "Netto resultaat {lo}–{hi} per manier van budgetteren na {end}: {desc}.",
    "alt_regime": "{label}: middelste uitkomst {median}, in 9 van de 10 situaties tussen {p5} en "
                  "{p95}",
    "alt_outlook": "Opgeteld netto resultaat van SAMEN. per jaar, {a}–{b}. Middelste uitkomst "
                   "eind {b}: {median}; in 9 van de 10 situaties tussen {p5} en {p95}. "
                   "Hoofdscenario eind {b}: {main}.",
    "unit": "€ mln",
}

#: The key-figure annex (``briefing.key_figure.<key>``): a row label per key figure, the
#: direction words of a signed amount, the table's head and caption.
KEY_FIGURES: dict[str, str | tuple[str, ...]] = {
    "dev": ("boven", "onder"),
    "net": ("besparing", "extra kosten"),
    "no_payback": "niet vóór eind {last}",
    "kf": "Kerncijfer",
    "main": "Hoofdscenario",
    "caption": "Kerncijfers per scenario, met één waarde per aanname; vanaf {first} zijn het "
               "verwachtingen.",
    "deviation_transition_eur": "Gesloten vierkant {start}–{end}",
    "net_savings_structural_eur": "Netto resultaat {lo}–{hi}",
    "net_savings_structural_real_eur": "Netto resultaat {lo}–{hi} in prijzen van {price}",
    "net_savings_structural_discounted_eur": "Netto resultaat {lo}–{hi}, contante waarde {start} "
                                             "({rate})",
    "cumulative_net_savings_end_eur": "Netto resultaat opgeteld tot eind {last}",
    "wij_result_structural_eur": "Resultaat van WIJ {lo}–{hi} (houdt WIJ zelf)",
}

#: The glossary, in order: (term, explanation) (``briefing.glossary.<n>``).
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("Gesloten vierkant",
     "De afspraak dat de totale uitgaven aan jeugdhulp in de overgangsperiode 2023–2025 gelijk "
     "blijven: wat SAMEN. meer of minder kost, valt weg tegen minder of meer overige jeugdhulp. "
     "Boven het gesloten vierkant betekent dat de gemeente met SAMEN. meer uitgeeft dan zonder; "
     "onder het gesloten vierkant dat zij minder uitgeeft."),
    ("Weglek",
     "Nieuwe hulpvragen die binnen het pakket van SAMEN. vallen maar toch naar een "
     "open-house-aanbieder gaan, bijvoorbeeld omdat op inhoudelijke gronden voor specialistische "
     "hulp is gekozen."),
    ("Uitvoeringsbudget",
     "Het vaste budget (lumpsum) dat WIJ Groningen per jaar voor SAMEN. krijgt. Het deel voor "
     "ICT en huisvesting (samen 10,9%) gaat naar de budgetten van de gemeente."),
    ("Budgetregel",
     "Het budget voor een jaar wordt uiterlijk 1 oktober van het jaar ervoor bepaald op basis "
     "van de werkelijke kosten van twee jaar eerder en de verwachte ontwikkeling daarna. Op 1 "
     "maart van het jaar zelf wordt getoetst of de kosten van het vorige jaar kloppen met die "
     "verwachting; zo niet, dan wordt het budget aangepast."),
    ("Verrekening",
     "In de overgangsperiode betaalt WIJ terug wat van het budget over is en vult de gemeente "
     "een tekort aan. Of dat na 2025 zo blijft, is nog niet besloten; het hoofdscenario rekent "
     "met een vast budget zonder verrekening."),
    ("Open house",
     "De inkoop van jeugdhulp via de RIGG bij aanbieders die aan de voorwaarden voldoen, met een "
     "indicatie per jeugdige. Lopende indicaties blijven daar tot ze aflopen."),
    ("OVA",
     "Overheidsbijdrage in de Arbeidskostenontwikkeling: het percentage waarmee budgetten en "
     "tarieven jaarlijks voor loonstijging worden geïndexeerd."),
    ("Taakstelling",
     "Een vooraf opgelegde verlaging van het budget."),
    ("Incidenteel budget",
     "Eenmalig geld voor voorinvesteringen en transitiekosten in 2022–2024 (€ 4,0 mln); wat over "
     "is vloeit terug naar de gemeente."),
    ("Netto resultaat",
     "Wat de gemeente met SAMEN. minder uitgeeft dan zonder, na aftrek van het incidentele "
     "budget. Een positief resultaat heet in deze notitie besparing, een negatief resultaat "
     "extra kosten; in de grafieken staat een besparing rechts van of boven de nul."),
    ("Terugverdienjaar",
     "Het eerste jaar waarin het opgetelde netto resultaat sinds de start boven nul komt."),
    ("Hoofdscenario",
     "De berekening met één waarde per aanname: het plan van 2022, bijgesteld op de evaluatie "
     "van 2023 (bijlage 3)."),
    ("Doorgerekende situaties",
     "Het model rekent de toekomst vele keren door (het colofon noemt hoe vaak), telkens met "
     "andere waarden voor de aannames die onzeker zijn, binnen bereiken die passen bij de "
     "cijfers van 2023. De middelste uitkomst is die waarbij de helft van de situaties gunstiger "
     "en de helft ongunstiger uitvalt. '9 van de 10 situaties' is de band zonder de 5% "
     "gunstigste en de 5% ongunstigste. Dat is geen zekerheid: de bereiken zijn zelf aannames."),
)
