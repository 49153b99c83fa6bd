import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../../src/corpus/event-catalog.js";
import { projectRoot } from "../../src/paths.js";
import { readProgramme } from "../../src/programme/read-programme.js";

/** The real export of KubeCon + CloudNativeCon Europe 2026, beside the repository in development (never copied into it). */
const EXPORT = join(projectRoot(), "..", "shared", "schedules", "kubecon-eu-2026-all.ics");

describe.runIf(existsSync(EXPORT))("the real export of KubeCon + CloudNativeCon Europe 2026", () => {
  const programme = readProgramme(readFileSync(EXPORT, "utf8"), "kubecon-eu-2026-all.ics", { catalog: shippedCatalog() });

  it("is the programme of eu-2026 in Amsterdam's time zone", () => {
    expect(programme).toMatchObject({ eventId: "eu-2026", timeZone: "Europe/Amsterdam" });
  });

  it("has 511 talks in 22 tracks of its 596 entries; the other 85 are logistics", () => {
    expect(programme.sessions).toHaveLength(511);
    expect(programme.logistics).toHaveLength(85);
    expect(new Set(programme.sessions.map((s) => s.track)).size).toBe(22);
    expect(programme.sessions.map((s) => s.track)).not.toContain("REGISTRATION");
    expect(programme.sessions.map((s) => s.track)).not.toContain("BREAKS");
  });

  it("gives every talk a title without its speakers, a start before its end and a room", () => {
    for (const s of programme.sessions) {
      expect(s.title, s.uid).not.toBe("");
      expect(s.title, s.uid).not.toMatch(/\\,|&nbsp;|^📚/u);
      expect(Date.parse(s.start), s.uid).toBeLessThanOrEqual(Date.parse(s.end));
      expect(s.room, s.uid).toBeTruthy();
      // The venue's address is dropped; a place elsewhere keeps its own ("…, Europaboulevard 2b, 1078 RV Amsterdam, Netherlands").
      expect(s.room, s.uid).not.toMatch(/^[^,]+, Amsterdam, Netherlands$/);
    }
    expect(new Set(programme.sessions.map((s) => s.id)).size).toBe(programme.sessions.length);
  });

  it("reads the speakers of most talks, and the tutorials' label as their format", () => {
    expect(programme.sessions.filter((s) => s.speakers.length > 0).length).toBeGreaterThan(400);
    expect(programme.sessions.filter((s) => s.format === "Tutorial")).toHaveLength(8);
  });
});
