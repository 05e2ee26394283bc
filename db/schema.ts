import { sql } from "drizzle-orm";
import { ROLES } from "../app/domain/access";
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const regions = sqliteTable("regions", {
  code: text("code").primaryKey(), // DST region code, e.g. 1081
  name: text("name").notNull(),
});

export const municipalities = sqliteTable(
  "municipalities",
  {
    code: text("code").primaryKey(), // DST three-digit code, e.g. 849
    name: text("name").notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    lat: real("lat").notNull(),
    lon: real("lon").notNull(),
    populationApprox: integer("population_approx").notNull(),
  },
  (t) => [index("municipalities_region_idx").on(t.regionCode)],
);

export const challenges = sqliteTable("challenges", {
  number: integer("number").primaryKey(),
  shortTitle: text("short_title").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull(),
});

export const indicators = sqliteTable("indicators", {
  code: text("code").primaryKey(),
  nameDa: text("name_da").notNull(),
  nameEn: text("name_en").notNull(),
  unit: text("unit", { enum: ["percent", "count", "kr", "grade", "ratio"] }).notNull(),
  polarity: text("polarity", { enum: ["higher", "lower", "neutral"] }).notNull(),
  department: text("department", { enum: ["school", "social", "joint"] }).notNull(),
  cadence: text("cadence", { enum: ["year", "school_year", "quarter"] }).notNull(),
  source: text("source").notNull(),
  definition: text("definition").notNull(),
  /** JSON array of the target groups the indicator is published for. */
  targetGroups: text("target_groups", { mode: "json" }).$type<string[]>().notNull(),
  /** JSON array of breakdown values (placement sites); empty when the indicator has none. */
  breakdowns: text("breakdowns", { mode: "json" }).$type<string[]>().notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const indicatorChallenges = sqliteTable(
  "indicator_challenges",
  {
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code),
    challengeNumber: integer("challenge_number")
      .notNull()
      .references(() => challenges.number),
    /** Why the indicator measures the challenge, in the sources' words (catalogue.ts). */
    reason: text("reason").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.challengeNumber] })],
);

/**
 * One aggregate figure. Raw figures only, never a bare percentage:
 * rate → numerator/denominator; count → numerator; mean (grade, kr.) → value with the
 * number of children it covers in denominator. breakdown '' is the total.
 */
export const observations = sqliteTable(
  "observations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    indicatorCode: text("indicator_code")
      .notNull()
      .references(() => indicators.code),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    period: text("period").notNull(),
    periodKey: integer("period_key").notNull(),
    targetGroup: text("target_group").notNull(),
    breakdown: text("breakdown").notNull().default(""),
    numerator: integer("numerator"),
    denominator: integer("denominator"),
    value: real("value"),
    /**
     * Disclosure control, recomputed after every data change: null = shown,
     * 'primary' = about fewer than k children, 'attribute' = a 0 % or 100 % of a small group
     * (ADR 0029), 'secondary' = withheld so a primary cell
     * cannot be worked out by subtraction.
     */
    withheld: text("withheld", { enum: ["primary", "attribute", "secondary"] }),
    /** The import batch that last set this observation; null for the initial (demo) load. */
    batchId: integer("batch_id"),
  },
  (t) => [
    // one municipality's series: indicator, municipality, group and breakdown are equalities, periods a range
    uniqueIndex("observations_cell_uq").on(t.indicatorCode, t.municipalityCode, t.targetGroup, t.breakdown, t.period),
    // comparisons read one indicator × group × breakdown across municipalities
    index("observations_across_idx").on(t.indicatorCode, t.targetGroup, t.breakdown, t.periodKey),
    // disclosure control works one indicator × period table at a time
    index("observations_table_idx").on(t.indicatorCode, t.periodKey),
  ],
);

/**
 * Regional and national sums of the observations, one row per indicator × period × group ×
 * breakdown. Derived data: recomputed in the same transaction as the disclosure pattern after
 * every data change, so the read path never sums thousands of rows per page view.
 */
export const figureAggregates = sqliteTable(
  "figure_aggregates",
  {
    indicatorCode: text("indicator_code").notNull(),
    scope: text("scope", { enum: ["region", "nation"] }).notNull(),
    /** The region's code; '' for the nation. */
    scopeCode: text("scope_code").notNull(),
    period: text("period").notNull(),
    periodKey: integer("period_key").notNull(),
    targetGroup: text("target_group").notNull(),
    breakdown: text("breakdown").notNull(),
    numerator: integer("numerator"),
    denominator: integer("denominator"),
    value: real("value"),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorCode, t.targetGroup, t.breakdown, t.scope, t.scopeCode, t.period] }),
    // one table's sums are replaced at a time; by the key alone that read every period of the indicator
    index("figure_aggregates_table_idx").on(t.indicatorCode, t.period),
  ],
);

export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%SZ','now'))`),
});

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(), // stored lower-case
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Every role but sekretariat belongs to one municipality. */
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_municipality_idx").on(t.municipalityCode)],
);

/** Server-side sessions: the cookie holds only a signed random id, so logout and deactivation end a session at once. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(), // sha256 of the session id; the id itself is never stored
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed logins per account and per address, kept in the database so a restart does not reset them. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(), // "konto:<email>" or "adresse:<ip>"
  failures: integer("failures").notNull(),
  lockedUntil: text("locked_until"),
  updatedAt: text("updated_at").notNull(),
});

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

export const passwordResets = sqliteTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  createdByUserId: integer("created_by_user_id").references(() => users.id),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

/** Who did what, when, with the values before and after; written in the same transaction as the change. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    municipalityCode: text("municipality_code"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action, t.at)],
);

/**
 * A joint target (fælles mål) of a municipality, or a partnership-wide one (municipality null)
 * that municipalities adopt as their own (adoptedFromId). Never deleted: closed with a reason.
 */
export const targets = sqliteTable(
  "targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    adoptedFromId: integer("adopted_from_id"),
    title: text("title").notNull(),
    rationale: text("rationale").notNull(),
    kind: text("kind", { enum: ["kvantitativ", "milepael"] }).notNull(),
    indicatorCode: text("indicator_code").references(() => indicators.code),
    targetGroup: text("target_group"),
    baselinePeriod: text("baseline_period"),
    /** In the indicator's shown unit: percent for rates (60 = 60 %). */
    targetValue: real("target_value"),
    deadlinePeriod: text("deadline_period"),
    /** For an indicator without a fixed direction (neutral polarity): which way the target aims. */
    direction: text("direction", { enum: ["higher", "lower"] }),
    schoolOwnerId: integer("school_owner_id").references(() => users.id),
    socialOwnerId: integer("social_owner_id").references(() => users.id),
    state: text("state", { enum: ["aktiv", "naaet", "droppet"] })
      .notNull()
      .default("aktiv"),
    closedReason: text("closed_reason"),
    closedAt: text("closed_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("targets_municipality_idx").on(t.municipalityCode, t.state)],
);

export const targetChallenges = sqliteTable(
  "target_challenges",
  {
    targetId: integer("target_id")
      .notNull()
      .references(() => targets.id),
    challengeNumber: integer("challenge_number")
      .notNull()
      .references(() => challenges.number),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.challengeNumber] })],
);

export const milestones = sqliteTable(
  "milestones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    targetId: integer("target_id")
      .notNull()
      .references(() => targets.id),
    title: text("title").notNull(),
    dueDate: text("due_date").notNull(),
    done: integer("done", { mode: "boolean" }).notNull().default(false),
    doneAt: text("done_at"),
  },
  (t) => [index("milestones_target_idx").on(t.targetId)],
);

/**
 * The quarterly status of a target: one part per department. `version` rises with every
 * edit (optimistic concurrency); a confirmation holds for the version it was given at, so an
 * edit after one side confirmed clears that confirmation. Joint = both confirmed the current version.
 */
export const quarterlyStatuses = sqliteTable(
  "quarterly_statuses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    targetId: integer("target_id")
      .notNull()
      .references(() => targets.id),
    quarter: text("quarter").notNull(),
    version: integer("version").notNull().default(0),
    schoolDone: text("school_done"),
    schoolNext: text("school_next"),
    schoolRisks: text("school_risks"),
    schoolAssessment: text("school_assessment", { enum: ["paa-sporet", "i-risiko", "bagud"] }),
    schoolJustification: text("school_justification"),
    schoolConfirmedVersion: integer("school_confirmed_version"),
    schoolConfirmedBy: integer("school_confirmed_by").references(() => users.id),
    socialDone: text("social_done"),
    socialNext: text("social_next"),
    socialRisks: text("social_risks"),
    socialAssessment: text("social_assessment", { enum: ["paa-sporet", "i-risiko", "bagud"] }),
    socialJustification: text("social_justification"),
    socialConfirmedVersion: integer("social_confirmed_version"),
    socialConfirmedBy: integer("social_confirmed_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("quarterly_statuses_target_quarter_uq").on(t.targetId, t.quarter)],
);

/** Every version of a quarterly status, so edits keep their history. */
export const statusHistory = sqliteTable(
  "status_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    statusId: integer("status_id")
      .notNull()
      .references(() => quarterlyStatuses.id),
    version: integer("version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    byUserId: integer("by_user_id").references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("status_history_status_idx").on(t.statusId, t.version)],
);

/**
 * A published quarterly report: a frozen snapshot of everything the report shows (JSON), with
 * its SHA-256. Never updated: a correction is a new version with a reason; the newest version
 * of a quarter is the current one, earlier ones are superseded but stay readable.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    quarter: text("quarter").notNull(),
    version: integer("version").notNull(),
    snapshot: text("snapshot").notNull(),
    contentHash: text("content_hash").notNull(),
    /** Why a correction was published (null for the first version). */
    reason: text("reason"),
    /** Published with targets lacking a joint status, listed in the report as missing. */
    listsMissing: integer("lists_missing", { mode: "boolean" }).notNull().default(false),
    publishedAt: text("published_at").notNull(),
    publishedBy: integer("published_by").references(() => users.id),
  },
  (t) => [uniqueIndex("reports_municipality_quarter_version_uq").on(t.municipalityCode, t.quarter, t.version)],
);

/**
 * A director's approval of a report draft for publishing. It holds for the draft's content
 * hash: when both departments have approved the same content, the report is published.
 */
export const reportApprovals = sqliteTable(
  "report_approvals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    quarter: text("quarter").notNull(),
    side: text("side", { enum: ["school", "social"] }).notNull(),
    contentHash: text("content_hash").notNull(),
    listsMissing: integer("lists_missing", { mode: "boolean" }).notNull().default(false),
    reason: text("reason"),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [uniqueIndex("report_approvals_side_uq").on(t.municipalityCode, t.quarter, t.side)],
);

/**
 * How comparison groups (sammenligningsgrupper) are built: which structural variables and how
 * many neighbours. One row, set by the secretariat; without it the defaults apply.
 */
export const comparisonSettings = sqliteTable("comparison_settings", {
  id: integer("id").primaryKey(), // always 1
  variables: text("variables").notNull(), // JSON array of structure-variable codes
  groupSize: integer("group_size").notNull(),
  updatedAt: text("updated_at").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
});

/** The columns that name one observation, for the tables that stage or log one. */
const observationKey = () => ({
  indicatorCode: text("indicator_code").notNull(),
  municipalityCode: text("municipality_code").notNull(),
  period: text("period").notNull(),
  periodKey: integer("period_key").notNull(),
  targetGroup: text("target_group").notNull(),
  breakdown: text("breakdown").notNull(),
});
const rawFigures = () => ({ numerator: integer("numerator"), denominator: integer("denominator"), value: real("value") });

/**
 * One committed data load (or the rollback of one): who, when, which file, and what it did.
 * Each observation it set is in `observation_changes` with the value it replaced.
 */
export const importBatches = sqliteTable("import_batches", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: ["import", "rollback"] }).notNull(),
  fileName: text("file_name"),
  contentHash: text("content_hash"),
  userId: integer("user_id").references(() => users.id),
  /** Who, as text: the user's e-mail address, or "kommandolinje" for a scheduled load. */
  actor: text("actor").notNull(),
  createdAt: text("created_at").notNull(),
  rowsRead: integer("rows_read").notNull(),
  rowsNew: integer("rows_new").notNull(),
  rowsChanged: integer("rows_changed").notNull(),
  rowsUnchanged: integer("rows_unchanged").notNull(),
  /** For a rollback: the batch it undid. */
  rollsBack: integer("rolls_back"),
  /** Set on a batch when it has been rolled back. */
  rolledBackBy: integer("rolled_back_by"),
});

/** What a batch did to one observation: the raw figures before (existed = 0: there was none) and after. */
export const observationChanges = sqliteTable(
  "observation_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    batchId: integer("batch_id")
      .notNull()
      .references(() => importBatches.id),
    ...observationKey(),
    existed: integer("existed", { mode: "boolean" }).notNull(),
    oldNumerator: integer("old_numerator"),
    oldDenominator: integer("old_denominator"),
    oldValue: real("old_value"),
    oldBatchId: integer("old_batch_id"),
    /** Whether the batch leaves an observation (false: a rollback removed one the import added). */
    exists: integer("exists", { mode: "boolean" }).notNull(),
    newNumerator: integer("new_numerator"),
    newDenominator: integer("new_denominator"),
    newValue: real("new_value"),
  },
  (t) => [index("observation_changes_batch_idx").on(t.batchId)],
);

/**
 * An uploaded file read and checked but not yet committed (the preview). Its rows and errors
 * are staged below, so a large file is never held in memory; committing applies the staged rows
 * in one transaction. Discarded, committed or refused previews are deleted with their rows.
 */
export const importPreviews = sqliteTable(
  "import_previews",
  {
    /** The staged rows' key: a small integer, where the 24-character id in every row and its index cost a quarter of the staging time. */
    no: integer("no").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(), // random, unguessable: the preview's address
    userId: integer("user_id").references(() => users.id),
    fileName: text("file_name").notNull(),
    contentHash: text("content_hash").notNull(),
    createdAt: text("created_at").notNull(),
    rowsRead: integer("rows_read").notNull(),
    rowsNew: integer("rows_new").notNull(),
    rowsChanged: integer("rows_changed").notNull(),
    rowsUnchanged: integer("rows_unchanged").notNull(),
    errorCount: integer("error_count").notNull(),
  },
  (t) => [uniqueIndex("import_previews_id_uq").on(t.id)],
);

export const importPreviewRows = sqliteTable(
  "import_preview_rows",
  {
    previewNo: integer("preview_no").notNull(),
    rowNo: integer("row_no").notNull(),
    ...observationKey(),
    ...rawFigures(),
    change: text("change", { enum: ["new", "changed", "unchanged"] }).notNull(),
  },
  // Rows arrive in file order, so this index only grows at its end. A file may give each
  // observation once, but a unique index on the cell cost half the staging time: repeats are
  // found with one sort once the file is staged (see previewImport).
  (t) => [primaryKey({ columns: [t.previewNo, t.rowNo] })],
);

export const importPreviewErrors = sqliteTable(
  "import_preview_errors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    previewNo: integer("preview_no").notNull(),
    rowNo: integer("row_no").notNull(),
    column: text("column").notNull(),
    message: text("message").notNull(),
  },
  (t) => [index("import_preview_errors_preview_idx").on(t.previewNo, t.rowNo)],
);

/**
 * An investment case (social investment) of a municipality: its inputs as one JSON document,
 * validated by the investment schema on every write (ADR 0027). The results are computed from
 * it on read, never stored. Owned like joint targets.
 */
export const investmentCases = sqliteTable(
  "investment_cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    template: text("template").notNull(),
    title: text("title").notNull(),
    effort: text("effort").notNull(),
    targetGroup: text("target_group").notNull(),
    model: text("model", { mode: "json" }).notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("investment_cases_municipality_idx").on(t.municipalityCode)],
);

/** The joint targets an investment case assumes: the effect it counts on is the target's indicator. */
export const investmentCaseTargets = sqliteTable(
  "investment_case_targets",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => investmentCases.id),
    targetId: integer("target_id")
      .notNull()
      .references(() => targets.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.targetId] }), index("investment_case_targets_target_idx").on(t.targetId)],
);

/**
 * The PDF of a published report, made once and kept: a published report never changes, so its
 * PDF is served from here, keyed by the report, its snapshot's SHA-256 and the quarter's newest
 * version (ADR 0023).
 */
export const reportPdfs = sqliteTable("report_pdfs", {
  reportId: integer("report_id")
    .primaryKey()
    .references(() => reports.id),
  snapshotHash: text("snapshot_hash").notNull(),
  /** The newest version of the quarter when printed: an older version's PDF says it is replaced, so a newer version means a new print. */
  newestVersion: integer("newest_version").notNull(),
  pdf: blob("pdf", { mode: "buffer" }).notNull(),
  createdAt: text("created_at").notNull(),
});
