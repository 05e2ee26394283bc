/**
 * The catalogue's words: the eight challenges and each indicator's name, definition, source and
 * the reasons it measures its challenges, in the sources' own (Danish) words. The structure
 * (units, polarity, target groups, links) is in app/domain/catalogue.ts; the seed writes both
 * into the database. English names are here too; the challenges' English text is in en.ts.
 */
export type IndicatorText = { nameDa: string; nameEn: string; source: string; definition: string; why: Readonly<Record<number, string>> };

export const CHALLENGE_TEXT: Record<number, { title: string; shortTitle: string; description: string }> = {
  1: {
    shortTitle: "Barnets perspektiv",
    title:
      "Barnets og den unges perspektiv og ressourcer danner ikke afsæt for organisering af indsats på tværs af skole- og socialområdet",
    description:
      "Børn og unge har brug for voksne, der inddrager dem som eksperter i eget liv. Målsætninger formes ofte inden for ét fagområde ad gangen, selv om barnets liv foregår på tværs af skole, fritidsliv og familie, og indsatsen tilrettelægges ofte uden barnets eget perspektiv og uden et helhedsorienteret blik.",
  },
  2: {
    shortTitle: "Lave forventninger",
    title: "Børn og unge i udsatte positioner mødes af lave forventninger til deres faglige udvikling",
    description:
      "Forventningsfattigdom – en misforstået positiv særbehandling – kan stigmatisere børnene og få fagprofessionelle til at forvente for lidt af deres faglige udvikling. Når børn mødes af lave forventninger, præsterer de dårligere og risikerer at få lave forventninger til sig selv.",
  },
  3: {
    shortTitle: "Støtte og fællesskaber",
    title: "Der mangler sammenhæng mellem støtten til det enkelte barn og de fællesskaber, som barnet er en del af",
    description:
      "Støtte bygger på individuelle rettigheder og defineres ofte som et snævert individuelt behov frem for støtte til et fællesskab, der rummer barnet. Der bygges for lidt bro mellem fællesskaber i og uden for skolen, og PPR bruger megen tid på individuel udredning frem for forebyggende arbejde i læringsmiljøerne.",
  },
  4: {
    shortTitle: "Systematik og fælles ansvar",
    title: "Der mangler systematik, kontinuitet og fælles ansvar i det tværgående samarbejde",
    description:
      "Sektorerne trækker sig ofte væk fra hinanden, så barnet selv må holde den røde tråd. Der mangler gennemgående voksne med en tovholderfunktion, samarbejdet ved skoleskift er begrænset, og samarbejdet på tværs af kommuner er svært, når børn anbringes i en anden kommune.",
  },
  5: {
    shortTitle: "Kompetencer og redskaber",
    title: "De nødvendige kompetencer og redskaber er ikke altid til stede på skoler og i familieafdelinger",
    description:
      "Lærere, pædagoger, socialrådgivere og socialpædagoger mangler konkrete redskaber til at holde et fælles fokus på både læring og trivsel. Kompetenceprofilerne på skolerne favner ikke tilstrækkeligt de specialpædagogiske og socialfaglige kompetencer, og anbringelsessteder mangler viden om skolegang.",
  },
  6: {
    shortTitle: "Sociale investeringer",
    title: "Der gennemføres for få sociale investeringer i udsatte børn og unges skolegang",
    description:
      "Investeringer i børnenes skolegang har langsigtede gevinster for den enkelte og for samfundet, men økonomien styres kortsigtet og i adskilte budgetter. Der er få eksempler på, at midler flyttes fra individuel støtte og dyre foranstaltninger til indsatser i det almene læringsmiljø.",
  },
  7: {
    shortTitle: "Styringslogikker",
    title: "Styringsmæssige logikker udfordrer en fælles tværgående strategisk indsats",
    description:
      "Skole- og socialområdet har hver sine budgetter, mål og styringslogikker. Det gør det svært at lægge en fælles strategi for børnenes skolegang og at holde fælles ansvar for resultaterne, når målene sættes i én forvaltning ad gangen.",
  },
  8: {
    shortTitle: "Viden i praksis",
    title: "Viden og forskning om udsatte børn og unges skolegang anvendes ikke i praksis",
    description:
      "Der findes viden om, hvad der virker for udsatte børns skolegang, men den omsættes for sjældent til praksis på skoler, anbringelsessteder og i familieafdelinger, og data om børnenes skolegang bruges for lidt i den fælles styring.",
  },
};

export const INDICATOR_TEXT: Record<string, IndicatorText> = {
  "fp9-deltagelse": {
    nameDa: "Andel der har aflagt de bundne prøver i dansk og matematik (9. kl.)",
    nameEn: "9th-grade exam participation",
    source: "Børne- og Undervisningsministeriet (STIL) og Danmarks Statistik",
    definition:
      "Andelen af elever i 9. klasse, der har deltaget i de obligatoriske prøver i både dansk og matematik (seed 000 s. 11: udsatte 56 %, anbragte 48 %, børn med støttende indsatser 57 %, øvrige 92 % i 2023/24). Tæller: elever med aflagte prøver. Nævner: elever i 9. klasse i skoleåret. Udsatte er børn med en anbringelse eller en forebyggende foranstaltning (foreningsmængden), ikke summen af de to grupper.",
    why: {
      2: "Seed 001: »Når børn og unge mødes af lave faglige forventninger, præsterer de dårligere.« Seed 000 s. 11 måler det som deltagelse i de obligatoriske prøver: 48 pct. af de anbragte mod 92 pct. af øvrige.",
      7: "Seed 003 (KL): elevplan og handleplan skal »supplere hinanden for at opnå fælles mål om fx gennemførelse af en afgangseksamen« – et mål, skole og socialområde står sammen om.",
    },
  },
  "fsa-gennemfoert": {
    nameDa: "Andel der gennemfører folkeskolens afgangsprøve (FSA)",
    nameEn: "Completing the leaving examination (FSA)",
    source: "Seed 001 (udfordringsbilledet): anbragte 50 %, elever med en social indsats 63 %, øvrige 93 %; Danmarks Statistik",
    definition:
      "Andelen af elever i 9. klasse, der gennemfører folkeskolens afgangsprøve (FSA). Et andet mål end deltagelse i de obligatoriske prøver i dansk og matematik: kilden angiver intet år. Tæller: elever, der har gennemført FSA. Nævner: elever i 9. klasse i skoleåret.",
    why: {
      2: "Seed 001: »Kun 50 pct. af unge, der er anbragt udenfor eget hjem, gennemfører folkeskolens afgangsprøve (FSA)«, mod 93 pct. af øvrige.",
      6: "Seed 000: den sociale investering i Hørsholm har »kun ét betalingsmål: De unge består FSA«.",
    },
  },
  "fp9-min2": {
    nameDa: "Andel med mindst 2 i både dansk og matematik (9. kl.)",
    nameEn: "9th grade: at least 2 in Danish and maths",
    source: "Børne- og Undervisningsministeriet (STIL)",
    definition:
      "Andelen af elever i 9. klasse, der har opnået mindst 2 i både dansk og matematik ved de bundne prøver. Nævner: alle elever i 9. klasse, også dem der ikke har aflagt prøverne.",
    why: {
      2: "Seed 001: lave forventninger kan »forhindre fagprofessionelle omkring barnet … i at have tilpas høje forventninger til barnets … faglige udvikling«; karakteren 2 er grænsen for adgang til en ungdomsuddannelse.",
    },
  },
  "fp9-karakter": {
    nameDa: "Gennemsnitskarakter ved de bundne prøver i dansk og matematik",
    nameEn: "Average grade, Danish and maths exams",
    source: "Børne- og Undervisningsministeriet (STIL)",
    definition:
      "Gennemsnittet af karaktererne (−3 til 12) ved de bundne prøver i dansk og matematik for elever, der har aflagt prøverne. Antallet er antal elever med karakter.",
    why: {
      2: "Seed 003 (KL, figur 6): anbragte børn fik i gennemsnit 4,5 ved afgangsprøven mod 6,7 for ikke-anbragte.",
      5: "Seed 001: lærere og pædagoger mangler »viden og kompetencer … til at kunne tilrettelægge læringsmiljøer, der både tilgodeser individuelle behov … og den samlede elevgruppe«.",
    },
  },
  "uu-21": {
    nameDa: "Andel med gennemført ungdomsuddannelse som 21-årig",
    nameEn: "Upper-secondary completion at 21",
    source: "Danmarks Statistik",
    definition:
      "Andelen af 21-årige, der har gennemført en ordinær ungdomsuddannelse. Målgruppen følger den foranstaltning, den unge havde som barn.",
    why: {
      2: "Seed 001: »22 pct. af 21-årige, der har været anbragt udenfor hjemmet, gennemfører en ordinær ungdomsuddannelse, mens det samme gælder for 73 pct. af øvrige unge på 21 år.«",
      6: "Seed 001: investeringer i skolegangen er »karakteriseret ved mere langsigtede økonomiske gevinster og ved gevinster, som potentielt realiseres i andre sektorer«.",
    },
  },
  "uu-25": {
    nameDa: "Andel med gennemført ungdomsuddannelse som 25-årig",
    nameEn: "Upper-secondary completion at 25",
    source:
      "Danmarks Statistik; seed 003 (KL: 70 pct. af tidligere anbragte har ikke fuldført en ungdomsuddannelse som 25-årig mod 21 pct. af øvrige unge)",
    definition:
      "Andelen af 25-årige, der har gennemført en ungdomsuddannelse. Målgruppen følger den foranstaltning, den unge havde som barn.",
    why: {
      6: "Seed 003 (KL): »70 pct. af unge, som har været anbragt uden for hjemmet, har ikke fuldført en ungdomsuddannelse som 25-årig, mens det kun gælder 21 pct. blandt øvrige unge.« Gevinsten af en investering viser sig sent.",
      7: "Seed 001: opdelte økonomier gør, at gevinster, der »realiseres i andre sektorer end der, hvor investeringen er foretaget«, ikke tæller med i den enkelte forvaltnings mål.",
    },
  },
  "anbragte-type": {
    nameDa: "Anbragte børn og unge (0–17 år) efter anbringelsessted, 31.12",
    nameEn: "Placed children by placement site",
    source: "Danmarks Statistik (ANBAAR)",
    definition:
      "Antal børn og unge på 0–17 år, der var anbragt uden for hjemmet pr. 31. december, fordelt på anbringelsessted. Opdelingen summerer til det samlede antal.",
    why: {
      3: "Seed 002: i almen grundskole går »91 pct. af de børn og unge, som er anbragt i familiepleje«, men kun 38 pct. af de institutionsanbragte; anbringelsesstedet afgør, hvilke fællesskaber barnet møder.",
      4: "Seed 002: 73 pct. af de institutionsanbragte og 47 pct. af de familieplejeanbragte har skiftet skole i skoletiden.",
    },
  },
  "familiepleje-andel": {
    nameDa: "Andel af anbringelser i familiepleje (inkl. netværkspleje)",
    nameEn: "Share of placements in foster care",
    source: "Danmarks Statistik (ANBAAR)",
    definition:
      "Andelen af anbragte børn og unge (0–17 år) pr. 31. december, der er anbragt i en plejefamilie, netværksplejefamilie eller kommunal plejefamilie.",
    why: {
      3: "Seed 002: »I 2019 udgjorde børn og unge anbragt i familiepleje 55 pct.« af de anbragte; familieplejeanbragte går langt oftere i almen skole (91 mod 38 pct.).",
      6: "Seed 003 (KL): i Borås er ca. 75 pct. anbragt i plejefamilier, »I Danmark er fordelingen mere 60/40« – en omlægning, der flytter udgifter fra institutioner.",
    },
  },
  "forebyggende-antal": {
    nameDa: "Børn og unge (0–17 år) med forebyggende foranstaltninger, 31.12",
    nameEn: "Children with preventive measures",
    source: "Danmarks Statistik (BUForan)",
    definition: "Antal børn og unge på 0–17 år, der modtog en forebyggende foranstaltning pr. 31. december.",
    why: {
      6: "Seed 001: omstillingen til en forebyggende indsats er »presset af stigende udgifter til et stort og akut behov for indgribende og specialiserede indsatser«.",
      7: "Seed 001: »Opdelte økonomier indebærer en risiko for, at barnets behov og styrkelse af læringsfællesskaberne bliver et sekundært hensyn.«",
    },
  },
  "specialundervisning-andel": {
    nameDa: "Andel elever i specialundervisning",
    nameEn: "Share of pupils in special education",
    source: "Børne- og Undervisningsministeriet (STIL)",
    definition:
      "Andelen af elever i grundskolen, der går i specialklasse eller specialskole eller modtager mindst 9 timers ugentlig specialpædagogisk støtte i almenundervisningen.",
    why: {
      3: "Seed 001: der er »sket en fordobling i andelen af elever i den almene undervisning, som modtager specialundervisning«, og støttebehov defineres som »et snævert, individuelt behov« frem for støtte til fællesskabet.",
      6: "Seed 001: der ses »få eksempler på omlægninger, hvor midler flyttes fra den individuelle støtte til fx understøttende tiltag i de læringsmiljøer, hvori børnene og de unge indgår«.",
    },
  },
  "almen-skole-anbragte": {
    nameDa: "Andel anbragte elever i almen grundskole",
    nameEn: "Placed pupils in mainstream school",
    source: "Danmarks Statistik og STIL",
    definition:
      "Andelen af anbragte elever i grundskolealderen, der går i almen grundskole – ikke i specialklasse, specialskole eller intern skole på et anbringelsessted.",
    why: {
      3: "Seed 002: »I skoleåret 2018/2019 gik 54 pct. af alle anbragte børn og unge i den almene grundskole«; fællesskabet i den almene klasse er modellens afsæt.",
      4: "Seed 003 (KL): undervisning »inden for rammerne af den almindelige folkeskole« er »et ansvar, som anbringelsesstedet og myndighedskommunen skal løfte i fællesskab«.",
    },
  },
  skoleskift: {
    nameDa: "Andel anbragte elever, der har skiftet skole under skoleforløbet",
    nameEn: "Placed pupils who have changed school during their schooling",
    source:
      "Danmarks Statistik og STIL; seed 002 (59 pct. af modellens anbragte børn, 73 pct. af de institutionsanbragte og 47 pct. af de familieplejeanbragte)",
    definition:
      "Andelen af anbragte elever, der har skiftet skole mindst én gang i løbet af hele deres skoletid indtil skoleåret (ikke kun inden for ét skoleår), som i seed 002.",
    why: {
      4: "Seed 001: »Mange børn og unge i udsatte positioner oplever flere skoleskift igennem deres skoletid, hvorfor vidensoverdragelse og hurtig faglig og social støtte kan være afgørende.« Seed 002: 59 pct. af modellens anbragte børn.",
    },
  },
  fravaer: {
    nameDa: "Andel elever med mere end 10 % fravær",
    nameEn: "Pupils with more than 10% absence",
    source: "Børne- og Undervisningsministeriet (STIL)",
    definition: "Andelen af elever i grundskolen med et samlet fravær på mere end 10 % af skoledagene i skoleåret.",
    why: {
      3: "Seed 001: der er »for lidt fokus på, hvordan børn og unge i udsatte positioner kan få et stærkere tilhørsforhold til skolen og løftes ind i klassefællesskabet«.",
      5: "Seed 001: personalet mangler redskaber til at sikre »et samtidigt fokus på både barnets og den unges læring og trivsel«.",
    },
  },
  "udgift-udsatte-pr-barn": {
    nameDa: "Nettodriftsudgifter til udsatte børn og unge pr. 0–17-årig",
    nameEn: "Net spending on vulnerable children per child",
    source: "KL's nøgletal og Danmarks Statistik (kommunale regnskaber)",
    definition:
      "Kommunens nettodriftsudgifter til forebyggende foranstaltninger og anbringelser af børn og unge, delt med antallet af 0–17-årige i kommunen. Antallet er antal 0–17-årige.",
    why: {
      6: "Seed 001: »Kommuner har ofte ikke midler til sociale investeringer«, fordi udgifterne til indgribende og specialiserede indsatser stiger.",
      7: "Seed 001: »Øget helhedstænkning på tværs af skole- og socialområdet er udfordret af styringsmæssige logikker både i forhold til økonomi og organisering.«",
    },
  },
  "sager-pr-raadgiver": {
    nameDa: "Børnesager pr. rådgiver",
    nameEn: "Child-welfare cases per caseworker",
    source: "Kommunens sagssystem (fx DUBU) og personaleopgørelse; seed 003 (KL): Hernings projektområder med 20 børnesager pr. rådgiver",
    definition:
      "Det gennemsnitlige antal åbne børnesager (anbringelser og forebyggende foranstaltninger) pr. rådgiver i børne- og familieafdelingen ved årets udgang. Værdi: sager pr. rådgiver (ét decimal). Antal (n): rådgivere. Jo færre sager pr. rådgiver, jo mere tid til barnet, opfølgningen og samarbejdet med skolen.",
    why: {
      4: "Seed 003 (KL): i Hernings projektområder er »antallet af børnesager 20 pr. rådgiver, og indsatsen læner sig tæt op ad den svenske model, herunder kortvarige anbringelser og tæt opfølgning«.",
      7: "Seed 003 (KL, Thisted): ledelsesinformationen giver »et overblik over, hvorledes arbejdet prioriteres helt ned på sagsbehandlerniveau«, så ledelsen kan »prioritere ressourcerne i afdelingen«.",
    },
  },
  "udgift-specialundervisning-pr-elev": {
    nameDa: "Udgifter til specialundervisning pr. elev",
    nameEn: "Special-education spending per pupil",
    source: "KL's nøgletal og Danmarks Statistik (kommunale regnskaber)",
    definition:
      "Kommunens udgifter til specialundervisning i specialklasser, specialskoler og støtte i almenundervisningen, delt med antallet af elever i kommunens grundskoler.",
    why: {
      6: "Seed 001: midler flyttes sjældent »fra den individuelle støtte« til læringsmiljøerne; Rudersdal flytter 250.000 kr. pr. barn til den almene skole (seed 000).",
      7: "Seed 001: »Opdelte økonomier« – specialundervisningen betales af skolen, anbringelsen af socialområdet.",
    },
  },
  "handleplan-skolemaal": {
    nameDa: "Andel sager med skolefaglige mål i handleplanen",
    nameEn: "Action plans with school goals",
    source: "Kommunens egen opgørelse (procesindikator)",
    definition:
      "Andelen af aktive sager om børn i skolealderen, hvor handleplanen efter barnets lov indeholder skolefaglige mål, som skolen kender. Opgøres ved kvartalets udgang.",
    why: {
      4: "Seed 001: der mangler »et systematisk og forpligtigende samarbejde samt fælles ansvar på tværs af skole- og socialområdet«; evalueringen fandt handleplaner med skolemål, skolen ikke kendte.",
      7: "Seed 003 (KL): »Familieområdet skal i barnets og den unges handleplan sætte konkrete mål for barnets udvikling i skolen og følge op på resultatet.«",
    },
  },
  "opfoelgning-rettidig": {
    nameDa: "Andel anbragte børn med opfølgningsmøde inden for 4 måneder",
    nameEn: "Placed children with a follow-up meeting within 4 months",
    source: "Kommunens egen opgørelse (procesindikator)",
    definition:
      "Andelen af anbragte børn i skolealderen, hvor skolen og plejefamilien eller institutionen har holdt et opfølgningsmøde, indkaldt af læringskoordinatoren, inden for de seneste 4 måneder. Modellen følger op hver 3.–4. måned (seed 002 §5.2 og §6.3.2). Opgøres ved kvartalets udgang.",
    why: {
      4: "Seed 002 §5.2: læringskoordinatoren indkalder skolen og plejefamilien eller institutionen til opfølgning hver 3.–4. måned, så barnet ikke selv skal »sikre den røde tråd« (seed 001).",
      5: "Seed 001: der mangler »konkrete redskaber til at fastholde et fælles fokus på børnenes og de unges skolegang«; opfølgningsmødet er modellens redskab.",
      8: "Seed 002: fremdriften følges med tests 3–4 gange om året og drøftes på opfølgningsmødet – viden bringes i spil om det enkelte barn.",
    },
  },
  "trivsel-social": {
    nameDa: "Andel elever med høj social trivsel (4.–9. kl.)",
    nameEn: "Pupils with high social well-being (grades 4–9)",
    source: "Den nationale trivselsmåling (STIL), 4.–9. klasse",
    definition:
      "Andelen af elever i 4.–9. klasse, der i den nationale trivselsmåling har en høj social trivsel (indikatoren for social trivsel over skalaens midte). Tæller: elever med høj social trivsel. Nævner: elever, der har besvaret målingen. Står ved siden af de faglige mål, fordi modellen kræver et lige og samtidigt fokus på faglig udvikling og social trivsel (seed 004, seed 002 §6.2).",
    why: {
      1: "Seed 001: børn har brug for voksne, der »inddrager dem som ’eksperter i eget liv’«; trivselsmålingen er børnenes egen stemme om skolen.",
      3: "Seed 004 og seed 002 §6.2: modellens andet princip er »et lige og samtidigt fokus på faglig udvikling og social trivsel«; seed 001 savner tilhørsforhold til klassefællesskabet.",
    },
  },
  "progression-social": {
    nameDa: "Andel børn i modellen, der trives socialt på højde med jævnaldrende (5-15)",
    nameEn: "Children in the model doing socially on a par with peers (5-15)",
    source: "Seed 002 kap. 4 (Rambøll-evalueringen af læringsmiljømodellen: 48 pct. før, 57 pct. ved anden progressionsmåling)",
    definition:
      "Andelen af de anbragte børn i modellen, som fagpersoner i skolen med 5-15-redskabet vurderer ikke klarer sig dårligere end 90 pct. af jævnaldrende socialt. Tæller: børn på højde med jævnaldrende. Nævner: børn i modellen med en måling i skoleåret.",
    why: {
      1: "Seed 002 kap. 4: modellen måler barnets sociale trivsel med 5-15 (48 → 57 pct. på højde med jævnaldrende) som afsæt for mål, barnet selv er med til at sætte.",
      3: "Seed 002 §6.2: »et lige og samtidigt fokus på faglig udvikling og social trivsel« i det almene læringsmiljø.",
    },
  },
  "progression-laering": {
    nameDa: "Andel børn i modellen, der lærer på højde med jævnaldrende (5-15)",
    nameEn: "Children in the model learning on a par with peers (5-15)",
    source: "Seed 002 kap. 4 (Rambøll-evalueringen: 30 pct. før, 39 pct. midtvejs, 54 pct. i slutningen af indsatsperioden)",
    definition:
      "Andelen af de anbragte børn i modellen, som fagpersoner i skolen med 5-15-redskabet vurderer ikke klarer sig dårligere end 90 pct. af jævnaldrende i læring. Tæller: børn på højde med jævnaldrende. Nævner: børn i modellen med en måling i skoleåret.",
    why: {
      2: "Seed 002 kap. 4: andelen, der ikke har substantielle faglige vanskeligheder sammenlignet med jævnaldrende, steg fra 30 til 54 pct., når de voksne har »positive forventninger til barnets faglige præstationer«.",
      8: "Seed 002: fremdriften følges med 5-15 og tests 3–4 gange om året – viden om det enkelte barn bruges i praksis.",
    },
  },
  undervisningssted: {
    nameDa: "Elever efter undervisningssted",
    nameEn: "Pupils by where they are taught",
    source:
      "Børne- og Undervisningsministeriet (STIL) og Danmarks Statistik; seed 002 (modellens anbragte børn: 67 pct. almen grundskole, 15 pct. specialklasse eller -tilbud, 18 pct. intern skole; i almen grundskole 91 pct. af de familieplejeanbragte mod 38 pct. af de institutionsanbragte)",
    definition:
      "Antal elever i grundskolen fordelt på, hvor de undervises: almen klasse uden støtte, almen klasse med specialpædagogisk støtte (mindst 9 timer ugentligt), specialklasse, specialskole og intern skole på et anbringelsessted. Opdelingen summerer til alle elever. Andelen i specialundervisning er de fire sidste delt med alle, så en flytning fra specialklasse til støtte i en almen klasse ses her, selv om andelen står stille.",
    why: {
      3: "Seed 001: støtte defineres som »et snævert, individuelt behov fremfor et behov om støtte til etablering af et bredere fællesskab«; seed 002: 67 pct. af modellens anbragte går i almen grundskole, 15 pct. i specialtilbud, 18 pct. i intern skole.",
      6: "Seed 000: Rudersdal flytter 250.000 kr. pr. barn til den almene skole, når barnet kan blive der; SØM's ugepriser viser, hvad en flytning fra specialklasse til støtte i almen klasse koster og sparer.",
    },
  },
  "anbragte-drenge": {
    nameDa: "Andel drenge blandt anbragte børn og unge",
    nameEn: "Boys among placed children",
    source:
      "Danmarks Statistik (anbragte børn og unge efter køn); seed 002 (63 pct. af modellens anbragte børn var drenge: 53 pct. i familiepleje, 74 pct. på institution)",
    definition:
      "Andelen drenge blandt de anbragte børn og unge (0–17 år) pr. 31. december. Tallet siger ikke, om det går godt eller skidt, men hvem målene og indsatsen skal passe til: i seed 002 var kønsfordelingen mere lige i familiepleje (53 pct. drenge) end på institution (74 pct.).",
    why: {
      1: "Seed 002: det er »relevant at undersøge, om indsatsen har større virkninger for nogle grupper af målgruppen end andre«; »Målgruppen […] er heterogen. For køn og alder ses der en overrepræsentation af drenge«.",
      8: "Seed 002: »Viden fra undersøgelsen vil i højest grad være repræsentativ for drenge […] mens den vil være mindst repræsentativ for piger«.",
    },
  },
  "anbragt-anden-kommune": {
    nameDa: "Andel anbragte elever, der er anbragt af en anden kommune",
    nameEn: "Placed pupils placed by another municipality",
    source:
      "Danmarks Statistik (anbringende kommune og opholdskommune); seed 002 (39 pct. af modellens børn var anbragt af en anden kommune)",
    definition:
      "Andelen af de anbragte børn og unge (0–17 år) med ophold i kommunen pr. 31. december, som en anden kommune har anbragt. Skolen i opholdskommunen og myndigheden i den anbringende kommune skal da samarbejde på tværs af kommunegrænsen.",
    why: {
      4: "Seed 001: »en særlig udfordring i samarbejdet på tværs af kommuner, når børn og unge anbringes i en anden kommune end den anbringende kommune«; seed 002: 39 pct. af modellens børn.",
      7: "Seed 001: der er ikke »stående samarbejdsfora mellem myndighed på socialområdet i den anbringende kommune, ansvarlige på skoleområdet i opholdskommunen og barnets anbringelsessted«.",
    },
  },
  "undersoegelse-rettidig": {
    nameDa: "Andel børnefaglige undersøgelser afsluttet inden for 4 måneder",
    nameEn: "Child-welfare investigations completed within 4 months",
    source:
      "Kommunens egen opgørelse (DUBU e.l.); seed 003 (KL: målepunkter for den gode sagsbehandling; Varde: 61 pct. inden for to mdr., resten inden for de lovpligtige fire)",
    definition:
      "Andelen af de børnefaglige undersøgelser, der blev afsluttet i kvartalet, som blev gennemført inden for den lovpligtige frist på 4 måneder.",
    why: {
      4: "Seed 003 (KL): Aalborg måler, »hvorvidt der foreligger en børnefaglig undersøgelse, og om den er gennemført inden for fristen«; Varde: rettidighed giver »momentum i sagsbehandlingen«.",
      7: "Seed 003 (KL): ledelsesinformation om, »om tidsfrister er overholdt«, lader ledelsen »prioritere ressourcerne i afdelingen« (Thisted).",
    },
  },
  boernesamtale: {
    nameDa: "Andel sager, hvor børnesamtalen er holdt",
    nameEn: "Cases where the child interview has been held",
    source: "Kommunens egen opgørelse (procesindikator); seed 003 (KL: om kravene til børnesamtalen er opfyldt)",
    definition:
      "Andelen af aktive sager om børn i skolealderen, hvor der er holdt en børnesamtale efter barnets lov inden for det seneste år. Opgøres ved kvartalets udgang.",
    why: {
      1: "Seed 003 (KL): målepunkt for den gode sagsbehandling er, »om kravene til børnesamtalen er opfyldt«; seed 001: barnets »medbestemmelse og ejerskab over egen situation udfordres«, når perspektivet ikke inddrages.",
      4: "Seed 001: barnet må ikke blive »den ’ankerperson’, som det påhviler at sikre sammenhæng og kontinuitet i egen tilværelse«.",
    },
  },
  "handleplan-opdateret": {
    nameDa: "Andel handleplaner opdateret inden for det seneste halve år",
    nameEn: "Action plans updated within the last six months",
    source: "Kommunens egen opgørelse (procesindikator); seed 003 (KL: om handleplanen er udarbejdet og opdateres)",
    definition:
      "Andelen af aktive sager om børn i skolealderen, hvor handleplanen er opdateret inden for de seneste 6 måneder. Opgøres ved kvartalets udgang.",
    why: {
      4: "Seed 003 (KL): der måles på, »om handleplanen er udarbejdet og opdateres. Og sidst, men ikke mindst, om der sker den nødvendige opfølgning«.",
      7: "Seed 003 (KL, Thisted): DUBU viser, »hvornår der skal følges op på handleplanerne«, så ledelsen kan følge udviklingen.",
    },
  },
  "anbringelse-revurderet": {
    nameDa: "Andel anbringelser fulgt op politisk eller ledelsesmæssigt inden for 6 måneder",
    nameEn: "Placements reviewed within six months",
    source:
      "Kommunens egen opgørelse (procesindikator); seed 003 (KL om Borås: det politiske niveau følger op på alle anbringelser hver 6. måned)",
    definition:
      "Andelen af de anbragte børn og unge, hvis anbringelse er gennemgået af det politiske niveau eller ledelsen inden for de seneste 6 måneder. Opgøres ved kvartalets udgang.",
    why: {
      6: "Seed 003 (KL om Borås): tæt opfølgning hører sammen med konkrete mål for de visiterede indsatser og en indsatstrappe mod mindre indgribende foranstaltninger.",
      7: "Seed 003 (KL om Borås): »Det politiske niveau følger op på alle anbringelser hver 6. måned.«",
    },
  },
  "elevplan-faelles-maal": {
    nameDa: "Andel sager, hvor elevplan og handleplan har fælles mål",
    nameEn: "Cases where the pupil plan and the action plan share goals",
    source:
      "Kommunens egen opgørelse (procesindikator); seed 003 (KL, anbefaling 04: elevplan og handleplan supplerer hinanden for at opnå fælles mål)",
    definition:
      "Andelen af aktive sager om børn i skolealderen, hvor elevplanen og handleplanen indeholder mindst ét fælles mål for barnets skolegang, fx gennemførelse af afgangsprøven. Opgøres ved kvartalets udgang.",
    why: {
      4: "Seed 003 (KL, anbefaling 04): »elevplan og handleplan supplerer hinanden for at opnå fælles mål … som de fagprofessionelle kan samarbejde om i barnets interesse«.",
      7: "Seed 001: »Når der opstilles målsætninger … udformes målsætningerne ofte indenfor det enkelte fagområde«; fælles mål i begge planer går på tværs.",
    },
  },
  "barn-inddraget-maal": {
    nameDa: "Andel børn, der i høj grad inddrages i at sætte mål for egen udvikling",
    nameEn: "Children highly involved in setting their own goals",
    source: "Modellens spørgeskema (seed 002 figur 5-8: fagpersoner i skolen og plejeforældre/personale, skala 1–10)",
    definition:
      "Andelen af de anbragte børn i modellen, hvor fagpersoner i skolen eller plejefamilie/personale svarer 8–10 på en skala fra 1 til 10 til, i hvilken grad barnet inddrages i at sætte mål for sin faglige og sociale udvikling.",
    why: {
      1: "Seed 002 figur 5-8: »anbragte børn og unge i stigende grad inddrages i at sætte mål for deres faglige og sociale udvikling, ligesom de i stigende grad føler ejerskab over disse mål«.",
      2: "Seed 002: børnenes motivation drives af »positive forventninger samt inddragelse af barnet/den unge«.",
    },
  },
  "hoeje-forventninger": {
    nameDa: "Andel børn, hvis voksne i høj grad forventer, at de gennemfører afgangsprøven",
    nameEn: "Children whose adults highly expect them to complete the leaving exam",
    source: "Modellens spørgeskema (seed 002 figur 5-4: fagpersoner i skolen og plejeforældre/personale, skala 1–10)",
    definition:
      "Andelen af de anbragte børn i modellen, hvor fagpersoner i skolen eller plejefamilie/personale svarer 8–10 på en skala fra 1 til 10 til, i hvilken grad de forventer, at barnet afslutter grundskolen med folkeskolens afgangsprøve.",
    why: {
      2: "Seed 002 figur 5-4: fagpersoner og plejeforældre har »i stigende grad positive forventninger til barnets faglige præstationer og resultater«; seed 001 advarer mod »forventningsfattigdom«.",
      5: "Seed 002: forventningerne ændres gennem sparring og viden om anbragte børns situation (figur 5-5).",
    },
  },
  "sparring-brugbar": {
    nameDa: "Andel lærere, der får brugbar sparring af læringsvejlederen",
    nameEn: "Teachers getting useful guidance from the learning adviser",
    source: "Modellens spørgeskema (seed 002 figur 5-7: fagpersoner i skolen, skala 1–10)",
    definition:
      "Andelen af de anbragte børn i modellen, hvis fagpersoner i skolen svarer 8–10 på en skala fra 1 til 10 til, om sparringen og vejledningen fra læringsvejlederen har givet dem brugbare redskaber til at støtte barnets sociale trivsel og faglige udvikling. Sparringen gives mindst hver måned.",
    why: {
      5: "Seed 002 figur 5-7: sparringen fra læringsvejlederen har »givet dem brugbare redskaber til at støtte barnets sociale trivsel og faglige udvikling«; seed 001 savner netop »konkrete redskaber«.",
      8: "Seed 001: samarbejder bliver »koordinerende og ikke kollaborative«, så viden »ikke i tilstrækkelig grad bliver delt med andre fagområder«; sparringen bringer viden ud i klassen.",
    },
  },
  "laeringsvejleder-skoler": {
    nameDa: "Andel skoler med en læringsvejleder (og en læringskoordinator i PPR)",
    nameEn: "Schools with a learning adviser (and a learning coordinator in PPR)",
    source: "Kommunens egen opgørelse; seed 002 (modellens roller: læringskoordinator i PPR, læringsvejleder på hver skole) og seed 004",
    definition:
      "Andelen af kommunens folkeskoler med anbragte elever, der har en udpeget læringsvejleder, i en kommune med en læringskoordinator i PPR. Tæller og nævner er skoler, ikke børn.",
    why: {
      4: "Seed 001: »Der mangler gennemgående voksne med en tydelig tovholderfunktion«; modellen giver en læringskoordinator i PPR og en læringsvejleder på hver skole (seed 002).",
      8: "Seed 001: »Vores eksisterende infrastrukturer for at dele og bringe viden i spil er ikke tilstrækkelige«; læringsvejlederen er modellens infrastruktur for viden på skolen.",
    },
  },
};

/** The source documents by the names a reader knows them by, for texts that cite them as "seed 00N". */
export const SOURCE_NAMES: Record<string, string> = {
  "000": "Partnerskabets webinar (SBST, 2025)",
  "001": "Udfordringsbilledet (SBST)",
  "002": "Evalueringen af læringsmiljømodellen (Rambøll)",
  "003": "KL's udspil »Vejen frem«",
  "004": "Læringsmiljømodellen, »Den fælles retning«",
};
