/**
 * The pure access policy, written out as a table: every role × every permission kind × the
 * user's own municipality (849) and another one (167). The expectations are the spec in
 * app/domain/access.ts, typed in by hand – never computed with `can` itself.
 */
import { describe, expect, it } from "vitest";
import { can, departmentOf, DIRECTOR_OF, needsMunicipality, ROLES, type Permission, type Principal, type Role } from "~/domain/access";

const OWN = "849";
const OTHER = "167";

/** Every permission, built for a given municipality (ignored by the kinds that have none). */
const PERMISSIONS = {
  "read-municipality": (m: string): Permission => ({ kind: "read-municipality", municipality: m }),
  "read-all-municipalities": (): Permission => ({ kind: "read-all-municipalities" }),
  "read-targets": (m: string): Permission => ({ kind: "read-targets", municipality: m }),
  "write-targets": (m: string): Permission => ({ kind: "write-targets", municipality: m }),
  "write-status:school": (m: string): Permission => ({ kind: "write-status", municipality: m, side: "school" }),
  "write-status:social": (m: string): Permission => ({ kind: "write-status", municipality: m, side: "social" }),
  "read-reports": (m: string): Permission => ({ kind: "read-reports", municipality: m }),
  "load-data": (): Permission => ({ kind: "load-data" }),
  "manage-users": (): Permission => ({ kind: "manage-users" }),
  "read-audit": (): Permission => ({ kind: "read-audit" }),
  "set-partnership-targets": (): Permission => ({ kind: "set-partnership-targets" }),
} as const;
type Case = keyof typeof PERMISSIONS;

// A new permission kind must be added to the table above: this line stops compiling otherwise.
type KindsCovered = ReturnType<(typeof PERMISSIONS)[Case]>["kind"];
const allKindsCovered: Exclude<Permission["kind"], KindsCovered> extends never ? true : false = true;
const KINDS_IN_TABLE = new Set(Object.keys(PERMISSIONS).map((k) => k.split(":")[0]));

/** [own municipality, other municipality]; kinds without a municipality have the same answer twice. */
type Row = Record<Case, readonly [own: boolean, other: boolean]>;
const T = true;
const F = false;

const EXPECTED: Record<Role, Row> = {
  sekretariat: {
    "read-municipality": [T, T],
    "read-all-municipalities": [T, T],
    "read-targets": [T, T],
    "write-targets": [T, T],
    "write-status:school": [F, F],
    "write-status:social": [F, F],
    "read-reports": [T, T],
    "load-data": [T, T],
    "manage-users": [T, T],
    "read-audit": [T, T],
    "set-partnership-targets": [T, T],
  },
  skoledirektoer: {
    "read-municipality": [T, T],
    "read-all-municipalities": [T, T],
    "read-targets": [T, F],
    "write-targets": [T, F],
    "write-status:school": [T, F],
    "write-status:social": [F, F],
    "read-reports": [T, F],
    "load-data": [F, F],
    "manage-users": [F, F],
    "read-audit": [F, F],
    "set-partnership-targets": [F, F],
  },
  socialdirektoer: {
    "read-municipality": [T, T],
    "read-all-municipalities": [T, T],
    "read-targets": [T, F],
    "write-targets": [T, F],
    "write-status:school": [F, F],
    "write-status:social": [T, F],
    "read-reports": [T, F],
    "load-data": [F, F],
    "manage-users": [F, F],
    "read-audit": [F, F],
    "set-partnership-targets": [F, F],
  },
  byraad: {
    "read-municipality": [T, F],
    "read-all-municipalities": [F, F],
    "read-targets": [T, F],
    "write-targets": [F, F],
    "write-status:school": [F, F],
    "write-status:social": [F, F],
    "read-reports": [T, F],
    "load-data": [F, F],
    "manage-users": [F, F],
    "read-audit": [F, F],
    "set-partnership-targets": [F, F],
  },
};

const principal = (role: Role): Principal => ({ role, municipalityCode: role === "sekretariat" ? null : OWN });

describe("the access policy table", () => {
  it("covers exactly the roles and permission kinds the policy knows", () => {
    expect(allKindsCovered).toBe(true);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    expect([...KINDS_IN_TABLE].sort()).toEqual(
      [
        "load-data",
        "manage-users",
        "read-all-municipalities",
        "read-audit",
        "read-municipality",
        "read-reports",
        "read-targets",
        "set-partnership-targets",
        "write-status",
        "write-targets",
      ].sort(),
    );
  });

  const cases = ROLES.flatMap((role) =>
    (Object.keys(PERMISSIONS) as Case[]).flatMap((perm) => [
      { role, perm, where: "own" as const, municipality: OWN, expected: EXPECTED[role][perm][0] },
      { role, perm, where: "other" as const, municipality: OTHER, expected: EXPECTED[role][perm][1] },
    ]),
  );

  it.each(cases)("$role · $perm · $where municipality → $expected", ({ role, perm, municipality, expected }) => {
    expect(can(principal(role), PERMISSIONS[perm](municipality))).toBe(expected);
  });

  it(`checks ${cases.length} combinations (${ROLES.length} roles × ${Object.keys(PERMISSIONS).length} permissions × 2 municipalities)`, () => {
    expect(cases).toHaveLength(ROLES.length * Object.keys(PERMISSIONS).length * 2);
  });
});

describe("edge cases of the policy", () => {
  it("gives a municipal role without a municipality nothing municipal, and no admin rights", () => {
    for (const role of ["skoledirektoer", "socialdirektoer", "byraad"] as const) {
      const p: Principal = { role, municipalityCode: null };
      expect(can(p, PERMISSIONS["write-targets"](OWN))).toBe(false);
      expect(can(p, PERMISSIONS["read-reports"](OWN))).toBe(false);
      expect(can(p, PERMISSIONS["write-status:school"](OWN))).toBe(false);
      expect(can(p, PERMISSIONS["write-status:social"](OWN))).toBe(false);
      expect(can(p, PERMISSIONS["manage-users"]())).toBe(false);
      expect(can(p, PERMISSIONS["read-audit"]())).toBe(false);
    }
    expect(can({ role: "byraad", municipalityCode: null }, PERMISSIONS["read-municipality"](OWN))).toBe(false);
  });

  it("does not treat a code that merely resembles the own one as own", () => {
    const p = principal("byraad");
    for (const m of ["0849", "849 ", "84", "", "167"]) expect(can(p, PERMISSIONS["read-municipality"](m))).toBe(false);
  });

  it("requires a municipality for every role except the secretariat", () => {
    expect(ROLES.filter(needsMunicipality).sort()).toEqual(["byraad", "skoledirektoer", "socialdirektoer"]);
  });
});

describe("departmentOf", () => {
  it("gives each director their department and nobody else one, agreeing with who may write which status", () => {
    expect(departmentOf("skoledirektoer")).toBe("school");
    expect(departmentOf("socialdirektoer")).toBe("social");
    expect(departmentOf("byraad")).toBeNull();
    expect(departmentOf("sekretariat")).toBeNull();
    for (const role of ROLES)
      for (const side of ["school", "social"] as const)
        expect(can({ role, municipalityCode: "849" }, { kind: "write-status", municipality: "849", side }), `${role} ${side}`).toBe(
          departmentOf(role) === side,
        );
    expect(DIRECTOR_OF.school).toBe("skoledirektoer");
  });
});
