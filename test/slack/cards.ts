import { rich, type Card, type CardItem } from "../../src/cards/card.js";

/** Hand-built cards in the shapes the core answers with, for renderer-level tests. */

export function searchItem(n: number): CardItem {
  return {
    title: `Talk ${n}: eBPF & friends`,
    meta: "Liz Rice (Isovalent) · KubeCon EU · 2022",
    snippet: [{ text: "How " }, { text: "eBPF", strong: true }, { text: " programs observe the kernel without modules." }],
    link: { label: "Source", url: `https://example.org/recap-${n}?a=1&b=2` },
    details: { kind: "command", label: "Details", command: `talk recap-${n}#s${n}` },
  };
}

export const searchCard: Card = {
  title: "Results for “ebpf”",
  subtitle: "12 talks match",
  items: [1, 2, 3, 4, 5].map(searchItem),
  footer: "Page 1 of 3 · 12 results",
  actions: [
    { kind: "command", label: "Next ›", command: "search ebpf page:2", style: "primary" },
    { kind: "share", label: "Share in channel", command: "search ebpf" },
  ],
};

export const talkCard: Card = {
  title: "Notes on security › Seccomp",
  subtitle: "KubeCon + CloudNativeCon Europe 2022 · Valencia",
  body: [
    { text: rich("Seccomp profiles restrict the system calls a container may make.") },
    { text: [{ text: "The " }, { text: "RuntimeDefault", strong: true }, { text: " profile is a good start." }], depth: 1 },
    { text: rich("Audit mode shows what a workload calls before you enforce."), depth: 2 },
  ],
  fields: [
    { label: "Speakers", value: "Jane Doe, John Roe", inline: true },
    { label: "Event", value: "KubeCon EU 2022", inline: true },
  ],
  link: { label: "Source", url: "https://example.org/recap-1" },
  actions: [{ kind: "share", label: "Share in channel", command: "talk recap-1#s1" }],
};

export const eventsCard: Card = {
  title: "Events",
  items: [
    { title: "KubeCon EU 2022 (Valencia)", meta: "42 sections", details: { kind: "command", label: "Open", command: "event kceu22" } },
    { title: "KubeCon NA 2019 (San Diego)", meta: "17 sections", details: { kind: "command", label: "Open", command: "event kcna19" } },
  ],
};

export const helpCard: Card = {
  title: "KubeCon bot",
  body: [
    { text: rich("Search the talks of KubeCon recaps.") },
    { text: [{ text: "/kubecon ebpf", strong: true }, { text: ": talks about eBPF" }], depth: 1 },
    { text: [{ text: "/kubecon talk <id>", strong: true }, { text: ": one talk in full" }], depth: 1 },
  ],
};

export const errorCard: Card = { title: "Unknown command", notice: "Try `help` to see what I can do." };

export const sharedCard: Card = { ...searchCard, actions: [], sharedBy: "U0001" };

export const allCards: Record<string, Card> = { searchCard, talkCard, eventsCard, helpCard, errorCard, sharedCard };
