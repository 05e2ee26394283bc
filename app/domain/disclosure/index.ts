/** Disclosure control for the dashboard's tables: primary rules, complementary suppression, exact check. */
export {
  DEFAULT_DISCLOSURE,
  assertDisclosureConfig,
  attributeThreshold,
  isAttributeWithheld,
  isPrimaryWithheld,
  ownWithholding,
  type DisclosureConfig,
} from "./rules";
export {
  cellId,
  standardRelations,
  suppress,
  suppressDetailed,
  unionCohorts,
  type Cohort,
  type DisclosureCell,
  type Relation,
  type SuppressionResult,
  type TableCellKey,
  type Withholding,
} from "./suppress";
export { findDetermined, type ModelCache } from "./verify";
