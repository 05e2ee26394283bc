/**
 * An investment case as the quarterly report freezes it (a separate field of the snapshot, so
 * reports published before it read as before): what the case expects, which targets measure
 * its effect, and the realised spending the data show beside the expected.
 */
export type ReportInvestment = {
  id: number;
  title: string;
  childrenPerYear: number;
  successRate: number;
  expected: { npv: number; costPerChildPerYear: number | null; netPerChildPerYear: number | null; paybackYear: number | null };
  /** The linked joint targets: their latest value in the report is the realised effect. */
  targetIds: number[];
  /** The municipality's latest spending on special education per pupil, through the disclosure path. */
  realisedSpending: { indicatorCode: string; period: string; value: number | null; withheld: boolean } | null;
};

/** The indicator whose latest value the report shows as realised spending beside the cases' expected. */
export const SPENDING_INDICATOR = "udgift-specialundervisning-pr-elev";
