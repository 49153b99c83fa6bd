import { DAY_WORDS, MONTHS, NUMBER_WORDS, PARTS_OF_DAY, TALK_WORDS, WEEKDAYS } from "../lexicon/index.js";

/** A date as recaps write it: "Tuesday, 5 May", "May 5th, 2024", "mardi 19 mars". */
const DATE_TEXT = `(?:(?:${WEEKDAYS}),?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th|er)?\\s+(?:${MONTHS})\\.?|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?)(?:,?\\s+\\d{4})?`;
const NUMERIC_DATE = `\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{1,2}月\\d{1,2}日`;
/** "11.14": a day and month without a year, a day only with words after it ("11.14 Keynote Sessions"): alone it is as likely a version ("1.9"). */
const SHORT_DATE = `\\d{1,2}[./]\\d{1,2}`;
const DAY_NAMED = `(?:${DAY_WORDS})\\s+(?:\\d+|${NUMBER_WORDS})|(?:${NUMBER_WORDS})\\s+(?:${DAY_WORDS})|\\d+\\s*日目|第\\s*[\\d一二三四五]+\\s*[日天]`;
/** What may follow a day's name in a heading: its date, its weekday, "keynotes" ("Day 1 Keynotes"). */
const DAY_TAIL = `(?:\\s*[-–—:,(|]?\\s*(?:${DATE_TEXT}|${NUMERIC_DATE}|${WEEKDAYS}|(?:${TALK_WORDS})s?)\\)?)*`;
/** A heading that names a day and nothing else ("Day 0 (Nov 12, 2024)", "Jour 2 – mardi 19 mars", "2日目", "Tuesday"). */
const DAY_HEADING = new RegExp(
  `^(?:(?:[\\p{L}+ ]{0,30}\\s)?(?:${DAY_NAMED})${DAY_TAIL}|(?:${DATE_TEXT}|${NUMERIC_DATE}|${WEEKDAYS})${DAY_TAIL}|${SHORT_DATE}\\s+(?:${TALK_WORDS})s?)\\s*[:：]?$`,
  "iu",
);
const PART_OF_DAY = new RegExp(`^(?:${PARTS_OF_DAY})\\s*[:：]?$`, "iu");
const DAY_NUMBER = new RegExp(`(?:${DAY_WORDS})\\s+(\\d+|${NUMBER_WORDS})|(\\d+)\\s*日目|第\\s*(\\d+)\\s*[日天]`, "iu");

/** A heading that names a day ("Day 0 (Nov 12, 2024)", "KubeCon Day 1", "5 May", "2日目"), or a part of a day ("Afternoon"). */
export function isDayHeading(text: string): boolean {
  return DAY_HEADING.test(text) || PART_OF_DAY.test(text);
}

/** The day a heading names, as cards show it ("Day 2"), or the heading itself when it names a date. */
export function dayLabel(text: string): string | undefined {
  if (PART_OF_DAY.test(text)) return undefined;
  const number = DAY_NUMBER.exec(text);
  if (number) {
    const n = number[1] ?? number[2] ?? number[3]!;
    return /^\d+$/.test(n) ? `Day ${n}` : text.replace(/[:：]$/, "");
  }
  return DAY_HEADING.test(text) ? text.replace(/[:：]$/, "") : undefined;
}

/** The day a title opens with ("Day 2 Keynote: …" is on day 2), if it opens with one. */
export function leadingDay(text: string): string | undefined {
  const number = DAY_NUMBER.exec(text);
  return number?.index === 0 && /^\d+$/.test(number[1] ?? "") ? `Day ${number[1]}` : undefined;
}
