import { describe, expect, it } from "vitest";
import { localDate } from "../../src/time/wall-time.js";
import {
  describeInstant,
  nextPostTime,
  parsePostTime,
  parseZone,
  zonedInstant,
} from "../../src/daily/schedule.js";

const at = (hour: number, minute: number) => ({ hour, minute });

describe("parsePostTime", () => {
  it("reads HH:MM and H:MM in 24-hour time", () => {
    expect(parsePostTime("09:00")).toEqual({ ok: true, value: at(9, 0) });
    expect(parsePostTime("7:45")).toEqual({ ok: true, value: at(7, 45) });
    expect(parsePostTime("23:59")).toEqual({ ok: true, value: at(23, 59) });
  });

  it.each(["24:00", "9", "09:60", "9am", "09:00:00", "", "-1:00"])("refuses %j with what is accepted", (text) => {
    const parsed = parsePostTime(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toBe(`'${text}' is not a time of day. Use HH:MM in 24-hour time, like 09:00 or 17:30.`);
  });
});

describe("parseZone", () => {
  it("accepts IANA zones in any case and returns their canonical name", () => {
    expect(parseZone("Europe/Paris")).toEqual({ ok: true, value: "Europe/Paris" });
    expect(parseZone("america/new_york")).toEqual({ ok: true, value: "America/New_York" });
    expect(parseZone("UTC")).toEqual({ ok: true, value: "UTC" });
  });

  it("names the unknown zone and lists examples of accepted ones", () => {
    expect(parseZone("Mars/Base")).toEqual({
      ok: false,
      message: "Unknown time zone 'Mars/Base'. Use an IANA zone such as Europe/Paris, America/New_York or UTC.",
    });
  });

  it("suggests the zone of a known city put under the wrong area", () => {
    const parsed = parseZone("America/Paris");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/Did you mean Europe\/Paris\?$/);
  });

  it("refuses raw offsets, which do not follow daylight saving", () => {
    expect(parseZone("+02:00").ok).toBe(false);
  });
});

describe("zonedInstant across daylight-saving changes", () => {
  it("puts a time inside the spring-forward gap at the end of the gap", () => {
    // Europe/Paris jumps from 02:00 CET to 03:00 CEST on 2025-03-30.
    expect(zonedInstant("2025-03-30", at(2, 30), "Europe/Paris").toISOString()).toBe("2025-03-30T01:00:00.000Z");
    // America/New_York jumps from 02:00 EST to 03:00 EDT on 2025-03-09.
    expect(zonedInstant("2025-03-09", at(2, 30), "America/New_York").toISOString()).toBe("2025-03-09T07:00:00.000Z");
  });

  it("puts a time inside the fall-back overlap at its first occurrence", () => {
    // 02:30 happens twice in Paris on 2025-10-26: 00:30Z (CEST) then 01:30Z (CET).
    expect(zonedInstant("2025-10-26", at(2, 30), "Europe/Paris").toISOString()).toBe("2025-10-26T00:30:00.000Z");
    // 01:30 happens twice in New York on 2025-11-02: 05:30Z (EDT) then 06:30Z (EST).
    expect(zonedInstant("2025-11-02", at(1, 30), "America/New_York").toISOString()).toBe("2025-11-02T05:30:00.000Z");
  });

  it("keeps ordinary days on their local time on both sides of a change", () => {
    expect(zonedInstant("2025-03-29", at(9, 0), "Europe/Paris").toISOString()).toBe("2025-03-29T08:00:00.000Z");
    expect(zonedInstant("2025-03-31", at(9, 0), "Europe/Paris").toISOString()).toBe("2025-03-31T07:00:00.000Z");
    expect(zonedInstant("2025-06-01", at(0, 0), "Asia/Kolkata").toISOString()).toBe("2025-05-31T18:30:00.000Z");
  });
});

describe("localDate", () => {
  it("reads the date in the zone, not in UTC", () => {
    const instant = new Date("2025-06-01T23:30:00Z");
    expect(localDate(instant, "UTC")).toBe("2025-06-01");
    expect(localDate(instant, "Europe/Paris")).toBe("2025-06-02");
    expect(localDate(instant, "America/New_York")).toBe("2025-06-01");
  });
});

describe("nextPostTime", () => {
  const since = new Date("2025-01-01T00:00:00Z");

  it("is today while today's time is ahead, tomorrow once it is done", () => {
    const now = new Date("2025-06-02T06:00:00Z"); // 08:00 in Paris
    expect(nextPostTime(at(9, 0), "Europe/Paris", now, since).at.toISOString()).toBe("2025-06-02T07:00:00.000Z");
    const done = (date: string) => date === "2025-06-02";
    expect(nextPostTime(at(9, 0), "Europe/Paris", now, since, done).at.toISOString()).toBe("2025-06-03T07:00:00.000Z");
  });

  it("starts a new subscription at the next post time after it was set up", () => {
    const now = new Date("2025-06-02T10:00:00Z");
    expect(nextPostTime(at(9, 0), "UTC", now, now)).toEqual({ date: "2025-06-03", at: new Date("2025-06-03T09:00:00Z") });
  });
});

describe("describeInstant", () => {
  it("reads the local day and time with the zone", () => {
    expect(describeInstant(new Date("2025-06-10T07:00:00Z"), "Europe/Paris")).toBe("Tue 10 Jun 2025 at 09:00 (Europe/Paris)");
  });
});
