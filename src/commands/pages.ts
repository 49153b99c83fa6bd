import { plural } from "../text/plural.js";
import { UserError } from "./user-error.js";

/** Refuses a page past the last one: "There are only 2 pages of results." */
export function checkPage(page: number, total: number, pageSize: number, what: string): void {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (page > pages) throw new UserError(`There ${pages === 1 ? "is" : "are"} only ${plural(pages, "page")} of ${what}.`);
}
