import { sql } from "drizzle-orm";
import { ROLES } from "../app/domain/access";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
  unit: text("unit", { enum: ["percent", "count", "kr", "grade"] }).notNull(),
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
     * 'primary' = about fewer than k children, 'secondary' = withheld so a primary cell
     * cannot be worked out by subtraction.
     */
    withheld: text("withheld", { enum: ["primary", "secondary"] }),
  },
  (t) => [
    uniqueIndex("observations_cell_uq").on(t.indicatorCode, t.municipalityCode, t.period, t.targetGroup, t.breakdown),
    // national/regional aggregates and comparisons read one indicator × group × period across municipalities
    index("observations_indicator_group_period_idx").on(t.indicatorCode, t.targetGroup, t.periodKey),
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
