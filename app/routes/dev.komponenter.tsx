import { pageTitle } from "~/i18n/meta";
import { useFormat } from "~/i18n/react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { CATEGORY_COLOURS, GROUP_COLOURS, SERIES_COLOURS } from "~/components/palette";
import { Sparkline } from "~/components/Sparkline";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Details } from "~/components/ui/Details";
import { FormField } from "~/components/ui/FormField";
import { StatusBadge, TARGET_STATUSES } from "~/components/ui/StatusBadge";
import { TargetGroupSwitch } from "~/components/TargetGroupSwitch";
import { SWITCHABLE_TARGET_GROUPS } from "~/domain/catalogue";

import { requireActor } from "~/data/auth.server";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.components"))];

/** Only for developers: every component and state on one page. Not served in production. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(context.db, request);
  if (process.env.NODE_ENV === "production" && process.env.DEV_PAGES !== "1")
    throw new DomainError("not_found", "routeErrors.pageNotFound");
  return null;
}

export default function ComponentsPage() {
  const f = useFormat();
  return (
    <>
      <h1>Komponenter</h1>
      <p className="lead">Alle komponenter og tilstande i Fælles retning, bygget på Det Fælles Designsystem. Kun til udvikling.</p>

      <h2>Advarsler</h2>
      <Alert variant="info" heading="Information">
        <p>Data for 2025 er indlæst.</p>
      </Alert>
      <Alert variant="success" heading="Gemt">
        <p>Kvartalsstatus er gemt og bekræftet.</p>
      </Alert>
      <Alert variant="warning" heading="Demodata">
        <p>Tallene er syntetiske.</p>
      </Alert>
      <Alert variant="error" heading="Der er fejl i formularen">
        <p>Ret de markerede felter.</p>
      </Alert>

      <h2>Knapper</h2>
      <p>
        <button type="button" className="button button-primary">
          Primær handling
        </button>{" "}
        <button type="button" className="button button-secondary">
          Sekundær handling
        </button>{" "}
        <button type="button" className="button button-tertiary">
          Tertiær handling
        </button>{" "}
        <button type="button" className="button button-primary" disabled>
          Deaktiveret
        </button>
      </p>

      <h2>Status for fælles mål</h2>
      <p>
        {TARGET_STATUSES.map((s) => (
          <span key={s}>
            <StatusBadge status={s} />{" "}
          </span>
        ))}
      </p>

      <h2>Målgruppevælger</h2>
      <TargetGroupSwitch groups={SWITCHABLE_TARGET_GROUPS} current="forebyggende" />

      <h2>Brødkrumme</h2>
      <Breadcrumbs items={[{ label: "Kommuner", to: "/" }, { label: "Jammerbugt", to: "/kommuner/849" }, { label: "Indikator" }]} />

      <h2>Formularfelter</h2>
      <form onSubmit={(e) => e.preventDefault()}>
        <FormField
          id="eksempel-titel"
          name="titel"
          label="Titel"
          hint="Kort og konkret, fx 'Flere anbragte til prøve'"
          defaultValue="Flere anbragte til prøve"
        />
        <FormField
          id="eksempel-maal"
          name="maal"
          label="Målværdi (%)"
          error="Målværdien skal være et tal mellem 0 og 100."
          defaultValue="120"
          inputMode="decimal"
        />
      </form>

      <h2>Fold ud</h2>
      <Details summary="Vis tallene som tabel">
        <p>Indhold, der kan foldes ud.</p>
      </Details>

      <h2>Tabel</h2>
      <table className="table table--compact data-table">
        <caption>Eksempel: andel der har aflagt prøverne, 2023/24</caption>
        <thead>
          <tr>
            <th scope="col">Målgruppe</th>
            <th scope="col" className="num">
              Værdi
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Anbragte</th>
            <td className="num">{f.value(48, "percent")}</td>
          </tr>
          <tr>
            <th scope="row">Tilbageholdt celle</th>
            <td className="num">{f.value(3, "count", { withheld: true })}</td>
          </tr>
          <tr>
            <th scope="row">Mangler</th>
            <td className="num">{f.value(null, "count")}</td>
          </tr>
        </tbody>
      </table>

      <h2>Lille tendenslinje</h2>
      <p style={{ color: SERIES_COLOURS.municipality }}>
        <Sparkline values={[44, 45, null, 47, 48, 46, 50]} label="Udvikling 2015/16–2021/22" />
      </p>

      <h2>Diagrampalet</h2>
      <ul className="unstyled-list palette">
        {[
          ...Object.entries(SERIES_COLOURS),
          ...Object.entries(GROUP_COLOURS),
          ...CATEGORY_COLOURS.map((c, i) => [`kategori ${i + 1}`, c] as const),
        ].map(([name, colour]) => (
          <li key={`${name}-${colour}`}>
            <span className="palette__swatch" style={{ background: colour }} aria-hidden="true" /> {name}: <code>{colour}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
