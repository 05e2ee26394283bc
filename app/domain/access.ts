/**
 * Who may do what. One pure policy that the server guard asks; hiding a button is never the check.
 *
 * | role            | may                                                                    |
 * |-----------------|------------------------------------------------------------------------|
 * | sekretariat     | everything: all municipalities, data loads, users, audit log – except  |
 * |                 | writing a department's quarterly status, which is that department's word |
 * | skoledirektoer  | read all indicators; read and write own municipality's targets, school status |
 * | socialdirektoer | read all indicators; read and write own municipality's targets, social status |
 * | byraad          | read own municipality's overview, targets and published reports        |
 */
export const ROLES = ["sekretariat", "skoledirektoer", "socialdirektoer", "byraad"] as const;
export type Role = (typeof ROLES)[number];

export type Principal = { role: Role; municipalityCode: string | null };

export type Permission =
  | { kind: "read-municipality"; municipality: string } // overview, indicator pages, its figures
  | { kind: "read-all-municipalities" } // figures of every municipality at once (API, comparisons)
  | { kind: "read-targets"; municipality: string } // a municipality's joint targets and status notes are internal to it
  | { kind: "write-targets"; municipality: string }
  | { kind: "write-status"; municipality: string; side: "school" | "social" }
  | { kind: "read-reports"; municipality: string }
  | { kind: "load-data" }
  | { kind: "manage-users" }
  | { kind: "read-audit" }
  | { kind: "set-partnership-targets" }
  | { kind: "set-comparison-groups" }; // which variables and how many neighbours make a comparison group

/** A municipality's two departments; each has one director who speaks for it. */
export type Department = "school" | "social";
export const DIRECTOR_OF: Record<Department, Role> = { school: "skoledirektoer", social: "socialdirektoer" };

/** The department a role speaks for: the school or social director's; nobody else's. */
export function departmentOf(role: Role): Department | null {
  return role === DIRECTOR_OF.school ? "school" : role === DIRECTOR_OF.social ? "social" : null;
}

const isDirector = (r: Role) => departmentOf(r) !== null;

export function can(p: Principal, perm: Permission): boolean {
  // a joint status is the two directors' own statement; nobody writes or confirms it for them
  if (p.role === "sekretariat") return perm.kind !== "write-status";
  const own = (m: string) => p.municipalityCode === m;
  switch (perm.kind) {
    case "read-municipality":
      return isDirector(p.role) || own(perm.municipality);
    case "read-all-municipalities":
      return isDirector(p.role);
    case "read-targets":
      return own(perm.municipality);
    case "write-targets":
      return isDirector(p.role) && own(perm.municipality);
    case "write-status":
      return own(perm.municipality) && departmentOf(p.role) === perm.side;
    case "read-reports":
      return own(perm.municipality);
    case "load-data":
    case "manage-users":
    case "read-audit":
    case "set-partnership-targets":
    case "set-comparison-groups":
      return false;
  }
}

export function needsMunicipality(role: Role): boolean {
  return role !== "sekretariat";
}
