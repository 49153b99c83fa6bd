import { rich, type Card } from "./card.js";

/** A command as help shows it. */
export interface CommandHelp {
  name: string;
  summary: string;
  /** The first two are shown. */
  examples: readonly string[];
  /** Its arguments; a `lang` argument's choices are the languages the footer lists. */
  args?: readonly { name: string; choices?: readonly string[] }[];
}

/** The languages `lang:` takes, as the search command declares them: every language of the corpus. */
function languagesOf(commands: readonly CommandHelp[]): string {
  const choices = commands.flatMap((c) => c.args ?? []).find((a) => a.name === "lang")?.choices;
  return choices?.length ? choices.join("|") : "xx";
}

/** What the bot can do, with an example of each command. */
export function helpCard(commands: readonly CommandHelp[], notice?: string): Card {
  return {
    title: "kubecon: KubeCon talks from recap write-ups",
    subtitle: "Type a topic to search, or one of these commands:",
    ...(notice && { notice }),
    body: commands.map((c) => ({ text: rich(`${c.name}: ${c.summary}  e.g. ${c.examples.slice(0, 2).join(" | ")}`), depth: 1 })),
    footer: `Search filters: event:<id> year:<yyyy> lang:<${languagesOf(commands)}> speaker:"<name>" page:<n>`,
    actions: [
      { kind: "command", label: "Try: ebpf", command: "search ebpf", style: "primary" },
      { kind: "command", label: "Events", command: "events" },
      { kind: "command", label: "Topics", command: "topics" },
    ],
  };
}

/** A short card for something the user can fix. */
export function errorCard(message: string): Card {
  return { title: "Sorry, I can't do that", notice: message };
}
