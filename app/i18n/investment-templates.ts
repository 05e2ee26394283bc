/**
 * The words of the investment-case templates (app/domain/investments/templates.ts): titles, cost
 * lines and sources as the partnership's documents write them. A new case copies them into its
 * own model, where its owners may rewrite them; they are content in Danish, not interface text.
 */
export const TEMPLATE_TEXT = {
  soemSource: "002 §7.2, note 45 (SØM's vidensdatabase, kommunens omkostninger)",
  prices: {
    almen: "Almen undervisning",
    "specialundervisning-almenklasse": "Specialundervisning i almenklasse",
    specialklasse: "Specialklasse",
    "intern-skole": "Intern skole på en døgninstitution",
  },
  internalSchoolSource: "Joanna, takst for undervisning 1. maj 2023: 307.909 kr. pr. år ÷ 40 uger (joannainfo.dk/kommuneinfo/priser)",
  learning: {
    title: "Styrket læringsmiljø for anbragte børn og unge",
    effort: "En læringskoordinator i PPR og en læringsvejleder på hver skole, uden central projektleder.",
    targetGroup: "Anbragte børn og unge i grundskolen",
    setup: "Etablering (afdækning, opstart)",
    running: "Drift uden projektleder",
    source: "002 kap. 7.1.5, tabel 7-1 og 7-2, figur 7-2 og 7-3 (2022-priser)",
  },
  archetypes: {
    "soem-a": {
      title: "Arketype A: fra specialundervisning i almenklasse til almen klasse",
      effect: "Fra specialundervisning i almenklasse til almen klasse",
    },
    "soem-b": {
      title: "Arketype B: fra specialklasse til specialundervisning i almenklasse",
      effect: "Fra specialklasse til specialundervisning i almenklasse",
    },
    "soem-c": { title: "Arketype C: fra intern skole til almen klasse med støtte", effect: "Fra intern skole til almen klasse med støtte" },
    effort: "Styrket læringsmiljø (læringskoordinator og læringsvejledere) i drift, uden projektleder.",
    targetGroup: "Anbragte børn og unge i grundskolen",
    running: "Drift uden projektleder",
    source: "002 §7.2, figur 7-5 og note 45 (2022-priser, 40 skoleuger)",
  },
  hoersholm: {
    title: "Lær for Livet med social effektinvestering (Hørsholm)",
    effort:
      "Lær for Livet. Den Sociale Investeringsfond finansierer 20 % af omkostningerne og får dem tilbage med afkast, når de unge består FSA.",
    targetGroup: "Anbragte børn, der skal bestå folkeskolens afgangsprøve",
    cost: "Lær for Livet pr. barn (fordelt på to år)",
    investment: "Investering fra Den Sociale Investeringsfond (20 %)",
    repayment: "Tilbagebetaling, når den unge består FSA",
    source: "000, Lær for Livet i Hørsholm Kommune: pengeflow og nøgletal (2025-priser)",
  },
} as const;
