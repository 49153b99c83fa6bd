import { setImmediate } from "node:timers/promises";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { loadTopics } from "../../src/corpus/topics.js";
import type { Section } from "../../src/corpus/section.js";
import { isPostable } from "../../src/takeaways/rules.js";
import {
  MAX_TAKEAWAY_LENGTH,
  MIN_TAKEAWAY_LENGTH,
  bestFirst,
  isSelfContained,
  postableTakeaways,
  scoreTakeaways,
  takeawaysJsonLines,
} from "../../src/takeaways/takeaways.js";
import { sentencesOf } from "../../src/takeaways/sentences.js";
import { syntheticSections } from "../bench/synthetic.js";
import { section } from "../daily/helpers.js";

const p = (text: string, depth = 0) => ({ text, depth });
const topics = loadTopics("data/topics.yaml");
const extractTakeaways = (sections: readonly Section[]) => scoreTakeaways(sections, topics);

describe("extractTakeaways", () => {
  it("takes an explicit takeaway list first, then the strongest bullets, each with its provenance", () => {
    const talk = section({
      talk: "Seamless multi-cluster communication with Linkerd",
      speakers: [{ name: "Max Körbächer", company: "Liquid Reply" }],
      tags: ["Service mesh"],
      bullets: [
        p("Linkerd gives mTLS for free between clusters, with no change to the application code."),
        p("Observability comes out of the box", 1),
        p("take aways:"),
        p("Existing apps need to update the endpoints they call", 1),
        p("Linkerd upgrades are hard", 1),
        p("Service Meshes are a rabbit hole, think twice before you use them.", 1),
        p("Look into linkerd service mirroring, which I still need to try."),
      ],
    });
    const takeaways = extractTakeaways([talk]);
    expect(takeaways.map((t) => [t.origin, t.text])).toEqual([
      ["list", "Existing apps need to update the endpoints they call"],
      ["list", "Service Meshes are a rabbit hole, think twice before you use them."],
      ["sentence", "Linkerd gives mTLS for free between clusters, with no change to the application code."],
    ]);
    expect(takeaways[0]).toMatchObject({
      sectionId: talk.id,
      talk: "Seamless multi-cluster communication with Linkerd",
      title: "Seamless multi-cluster communication with Linkerd",
      speakers: ["Max Körbächer, Liquid Reply"],
      event: "KubeCon + CloudNativeCon Europe 2021",
      eventId: "eu-2021",
      year: 2021,
      language: "en",
      tags: ["Service mesh"],
    });
  });

  it("drops a connective that only ties a sentence to the one before, when the rest stands alone", () => {
    const talk = section({
      bullets: [
        p("However, the outcome of the week is that nobody should be scared of Kubernetes networking."),
        p("Thus the TPM is able to provide attestation, a verifiable state of the whole system."),
        p("En effet, les équipes lançaient des clusters kubernetes dans tous les sens."),
        // What is left leans on the line before as much as the connective did.
        p("However, these tools have not been deployed widely outside of specialised cases."),
        // Without a comma, "however" opens a clause: the sentence is left as it is, and out.
        p("However the tools are deployed, attestation stays slow on every platform."),
      ],
    });
    expect(extractTakeaways([talk]).map((t) => t.text)).toEqual([
      "The outcome of the week is that nobody should be scared of Kubernetes networking.",
      "The TPM is able to provide attestation, a verifiable state of the whole system.",
      "Les équipes lançaient des clusters kubernetes dans tous les sens.",
    ]);
  });

  it("drops the writer's aside in brackets, and keeps the statement around it", () => {
    const talk = section({
      bullets: [p("Some people recommend not running etcd on the masters, others see no issue (I personally prefer the split).")],
    });
    expect(extractTakeaways([talk]).map((t) => t.text)).toEqual(["Some people recommend not running etcd on the masters, others see no issue."]);
  });

  it("reads a whole section named as a conclusion as an explicit list", () => {
    const conclusion = section({
      talk: "Conclusion – key take aways",
      bullets: [p("Operators fatigue: you probably don’t need one for your app", 1), p("GitOps: becoming the standard way of deploying", 1)],
    });
    expect(extractTakeaways([conclusion]).map((t) => t.origin)).toEqual(["list", "list"]);
  });

  it("lists every statement of a section that stands on its own, in its order, and posts those the score lets through", () => {
    const bullets = [
      p("Kubernetes clusters grow in number long before anyone plans for it", 1),
      p("Teams should avoid running more than one service mesh per cluster at any time", 1),
      p("Each cluster needs 3 control plane nodes to survive the loss of one zone", 1),
      p("Platform teams must treat cluster upgrades as a routine, tested, weekly operation", 1),
      p("Spotify runs 1,800 services on one cluster per region, far fewer clusters than teams", 1),
      p("Linkerd gives mutual TLS between 2 clusters with no change to the application code", 1),
      p("Gardens are green and the weather in Valencia was rather nice all week long", 1),
    ];
    const takeaways = extractTakeaways([section({ bullets })]);
    expect(takeaways.map((t) => t.text)).toEqual(bullets.map((b) => b.text));
    expect(takeaways.filter((t) => t.postable).map((t) => t.text)).toEqual(bullets.slice(1, 6).map((b) => b.text));
  });

  it("gives a takeaway an id made of its section id and a hash of its text, stable across runs", () => {
    const make = () => section({ id: "na-2020--gitops", bullets: [p("Having the CI hold the deployment keys is a huge security risk.")] });
    const [first] = extractTakeaways([make()]);
    const [again] = extractTakeaways([make()]);
    expect(first!.id).toMatch(/^na-2020--gitops#[0-9a-f]{8}$/);
    expect(again!.id).toBe(first!.id);
    const [other] = extractTakeaways([section({ id: "na-2020--gitops", bullets: [p("Having the CI hold deployment keys is a huge security risk.")] })]);
    expect(other!.id).not.toBe(first!.id);
  });

  it("lists the same statement once", () => {
    const line = p("Seccomp limits the system calls a process in a container can make.");
    expect(extractTakeaways([section({ bullets: [line] }), section({ bullets: [line] })])).toHaveLength(1);
  });

  it("drops the first sentence of a line that continues a line the page broke around inline code", () => {
    const bullets = [p("When a pod has no resource requests or limits, it runs with the Best Effort"), p("QoS class which is the most likely to get throttled and evicted.")];
    expect(extractTakeaways([section({ bullets })])).toEqual([]);
  });

  it("keeps the first sentence after a heading of a few words, which is no sentence the page broke", () => {
    const bullets = [p("Seccomp"), p("Seccomp limits the system calls a process in a container can make. Profiles are set per pod.")];
    expect(extractTakeaways([section({ bullets })]).map((t) => t.text)).toContain("Seccomp limits the system calls a process in a container can make.");
  });

  it("prints every candidate for `kubecon takeaways --json`, one JSON object a line, with the fields the eval reads", () => {
    const sections = [
      section({ tags: ["Security"], bullets: [p("Seccomp blocks 44 system calls by default, so always keep its default profile on."), p("Cool demo about seccomp profiles at the booth today.")] }),
    ];
    const lines = takeawaysJsonLines(sections, topics).split("\n");
    expect(lines).toHaveLength(2);
    const [good, weak] = lines.map((line) => JSON.parse(line));
    expect(Object.keys(good)).toEqual(expect.arrayContaining(["id", "text", "score", "postable", "reasons", "sectionId", "talk", "title", "speakers", "event", "eventId", "year", "language", "tags"]));
    expect(good).toMatchObject({ postable: true, reasons: ["number", "recommendation"], topic: "Security" });
    expect(weak).toMatchObject({ score: 0, postable: false, reasons: expect.arrayContaining(["chit-chat"]) });
  });

  it("takes the author's own lower-case key takeaway items as strong candidates, capitalized", () => {
    const conclusion = section({
      talk: "Conclusion – key take aways",
      tags: ["eBPF"],
      bullets: [p("using eBPF based tools cuts the time to debug a network issue by half", 1), p("kubectl plugins are now the way to extend the command line", 1)],
    });
    const texts = extractTakeaways([conclusion]).map((t) => [t.text, t.postable]);
    expect(texts).toEqual([
      ["Using eBPF based tools cuts the time to debug a network issue by half", true],
      ["kubectl plugins are now the way to extend the command line", false],
    ]);
  });

  it("keeps one 'Name: attributes' item per enumeration, the best", () => {
    const tools = section({
      tags: ["Developer experience"],
      bullets: [
        p("Octant: the local UI should run on every laptop, 2 times faster than the Dashboard.", 1),
        p("Headlamp: its plugins extend it and it cancels actions within 5 seconds.", 1),
        p("Kubenav: the mobile app shows the state of 3 clusters at once.", 1),
      ],
    });
    const scored = extractTakeaways([tools]);
    expect(scored.filter((t) => t.postable)).toHaveLength(1);
    expect(scored.filter((t) => t.reasons.includes("enumeration"))).toHaveLength(2);
  });

  it("marks a takeaway postable when its score reaches the threshold, and lists the postable ones best first", async () => {
    const sections = [
      section({
        tags: ["Security"],
        bullets: [
          p("Seccomp limits the system calls a process in a container can make."),
          p("AppArmor confines programs to a limited set of resources with per-program profiles."),
          p("Rootless containers will soon be the default in most runtimes, the maintainers said."),
        ],
      }),
    ];
    const all = extractTakeaways(sections);
    for (const t of all) expect(t.postable).toBe(isPostable(t.score));
    const postable = await postableTakeaways(sections, topics);
    expect(postable.map((t) => t.text)).toEqual(bestFirst(all.filter((t) => t.postable)).map((t) => t.text));
    expect(postable.every((t) => t.postable)).toBe(true);
    expect(all.find((t) => t.text.startsWith("Rootless"))!.postable).toBe(false);
  });

  it("gives the event loop turns while it works through a large corpus, and lists the same takeaways", async () => {
    const sections = syntheticSections(loadCorpus("data/recaps", topics).sections, topics, 1000);
    let finished = false;
    const work = postableTakeaways(sections, topics).finally(() => (finished = true));
    // Each of these turns is one the process could have spent on a probe, a command or a post.
    let turns = 0;
    while (!finished) {
      await setImmediate();
      turns += 1;
    }
    expect(turns).toBeGreaterThan(10);
    expect((await work).map((t) => t.id)).toEqual(bestFirst(scoreTakeaways(sections, topics).filter((t) => t.postable)).map((t) => t.id));
  });
});

describe("isSelfContained", () => {
  it.each([
    ["a statement", "Seccomp limits the system calls a process in a container can make."],
    ["a bullet without a period", "Kubernetes moves to three releases per year instead of four"],
    ["a name in lowercase", "kubectl authentication is based on IAM, then Kubernetes RBAC takes over."],
    ["a mixed-case name", "eBPF lets you run custom code in the Linux kernel, safely and without modules."],
    ["French", "Les CIDR ranges supportés sont différents entre GCP et AWS pour les VPC."],
    ["'I/O', no first person", "Noisy neighbours on a shared node make I/O the bottleneck of multitenancy."],
    ["'above' before a quantity, no pointer", "Run three etcd nodes and scale above two masters only to scale the API servers."],
  ])("accepts %s", (_, text) => expect(isSelfContained(text)).toBe(true));

  it.each([
    ["too short", "Linkerd upgrades are hard"],
    ["too long", `Kubernetes ${"is really very great and ".repeat(20)}fine.`],
    ["a link label", "Link to slides of the talk about scaling Prometheus to millions"],
    ["a page leftover", "Image description"],
    ["a list lead-in ending with a colon", "For this edition, to me, the key topics of the conference were:"],
    ["a lowercase continuation", "using eBPF based tools to monitor and debug Kubernetes resources"],
    ["an opening 'And'", "And Kubernetes will restart the pod each time the resources change."],
    ["an opening 'But'", "But the content was as good as the previous years, definitely worth it."],
    ["an opening 'This'", "This will allow for more focus on quality and on the state of the project."],
    ["a French pronoun opening", "Cette structure permet d’avoir une gouvernance commune entre chaque cloud."],
    ["an unbalanced bracket", "Allow to specify the major version (ie. the one EKS keeps updated"],
    ["a URL", "See github.com/kcp-dev/kcp for a minimal Kubernetes API with multi-tenancy"],
    ["a pointer", "The presenters continued with a demo that is available from the link above."],
    ["the author speaking", "I’ve also talked to few people at the conference already using it in production."],
    ["a question", "What is the advantage of Linkerd multi-cluster over Consul or Istio multi DC?"],
    ["a title", "Kubernetes Everywhere: Lessons Learned From Going Multi-Cloud - Niko Smeds, Grafana Labs"],
    ["a line cut before its end", "The plugin reserves 1 IP per ENI for its own purposes, and the"],
    ["glued inline code", "Uncompressable resources are subject to kubelet eviction or kernel’sOOM_kill"],
  ])("refuses %s", (_, text) => expect(isSelfContained(text)).toBe(false));
});

describe("sentencesOf", () => {
  it("does not split after abbreviations", () => {
    expect(sentencesOf("Pods use a CNI plugin (ie. Calico). It is set per node. E.g. Cilium works too.")).toEqual([
      "Pods use a CNI plugin (ie. Calico).",
      "It is set per node.",
      "E.g. Cilium works too.",
    ]);
  });
});

describe("takeaway rules hold for any text", () => {
  const word = fc.oneof(
    fc.constantFrom("Kubernetes", "eBPF", "the", "and", "This", "pods", "I", "Link", "to", "slides", "(ie.", "scale", ":", "mTLS", "cluster.", "Image", "description", "réseau", "https://x.io"),
    fc.string({ minLength: 1, maxLength: 12 }),
  );
  const line = fc.record({ text: fc.array(word, { minLength: 1, maxLength: 70 }).map((w) => w.join(" ")), depth: fc.integer({ min: 0, max: 3 }) });
  it("are always 40 to 300 characters and self-contained", () => {
    fc.assert(
      fc.property(fc.array(fc.array(line, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), (sectionsLines) => {
        const takeaways = extractTakeaways(sectionsLines.map((bullets) => section({ bullets })));
        for (const takeaway of takeaways) {
          expect(takeaway.text.length).toBeGreaterThanOrEqual(MIN_TAKEAWAY_LENGTH);
          expect(takeaway.text.length).toBeLessThanOrEqual(MAX_TAKEAWAY_LENGTH);
          expect(isSelfContained(takeaway.text)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("takeaways of the shipped corpus", () => {
  const corpus = loadCorpus("data/recaps", topics);
  const takeaways = extractTakeaways(corpus.sections);
  const postable = takeaways.filter((t) => t.postable);

  it("leave a pool of at least 30 postable takeaways, from every recap, none from a recap's own notes", () => {
    expect(postable.length).toBeGreaterThanOrEqual(30);
    const notes = new Set(corpus.sections.filter((s) => s.kind === "notes").map((s) => s.id));
    expect(notes.size).toBeGreaterThan(0);
    expect(postable.filter((t) => notes.has(t.sectionId))).toEqual([]);
    expect(new Set(postable.map((t) => t.eventId))).toEqual(new Set(corpus.recaps.map((r) => r.eventId)));
  });

  it("never post the conference's organization, praise, narration or broken lines", () => {
    const organization = corpus.sections.filter((s) => s.tags.length === 0).map((s) => s.id);
    expect(organization.length).toBeGreaterThan(0);
    expect(postable.filter((t) => organization.includes(t.sectionId))).toEqual([]);
    for (const t of postable) {
      expect(t.text).not.toMatch(/shout out|cool demo|catering|dont vous pouvez|called$|\bie\.$/i);
      expect(t.text).not.toMatch(/ - [A-Z]/);
    }
  });

  it("come from every recap and all meet the rules", () => {
    expect(new Set(takeaways.map((t) => t.eventId))).toEqual(new Set(corpus.recaps.map((r) => r.eventId)));
    for (const takeaway of takeaways) {
      expect(isSelfContained(takeaway.text), takeaway.text).toBe(true);
      expect(takeaway.text).not.toMatch(/Image description|Link to slides|Vote on Hacker News|Discussion \(\d+\)/);
      expect(takeaway.talk.length).toBeGreaterThan(0);
      expect(corpus.sections.some((s) => s.id === takeaway.sectionId)).toBe(true);
    }
    expect(new Set(takeaways.map((t) => t.id)).size).toBe(takeaways.length);
  });

  it("include the recaps' own takeaway and conclusion lists", () => {
    const listed = takeaways.filter((t) => t.origin === "list").map((t) => t.text);
    expect(listed).toContain("Service Meshes are a rabbit hole, think twice before you use them.");
    expect(listed).toContain("Operators fatigue: you probably don’t need one for your app");
  });
});
