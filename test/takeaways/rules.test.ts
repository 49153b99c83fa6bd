import { describe, expect, it } from "vitest";
import type { Bullet } from "../../src/corpus/section.js";
import { hasConjugatedVerb, opensWithVerb } from "../../src/takeaways/grammar.js";
import { POSTABLE_THRESHOLD, RULES, scoreCandidate, type Candidate } from "../../src/takeaways/rules.js";

const line = (text: string, depth = 0): Bullet => ({ text, depth });

/** A candidate cut alone from its own line, in a section with a topic, unless told otherwise. */
function candidate(text: string, overrides: Partial<Candidate> = {}): Candidate {
  const own = line(text, overrides.origin === "sentence" ? 0 : 1);
  return { text, language: "en", origin: "bullet", section: { tags: ["Security"] }, line: own, siblings: [own], first: true, last: true, ...overrides };
}
const fr = (text: string, overrides: Partial<Candidate> = {}) => candidate(text, { language: "fr", ...overrides });

const GOOD = "Seccomp limits the system calls a process in a container can make.";

/** Each rule: candidates it lowers, and close ones it leaves alone. */
const CASES: Record<string, { lowers: Candidate[]; spares: Candidate[] }> = {
  "no-topic": {
    lowers: [candidate(GOOD, { section: { tags: [] } })],
    spares: [candidate(GOOD)],
  },
  "chit-chat": {
    lowers: [
      candidate("First of all, a big shout out to CNCF and all people involved in running the conference."),
      candidate("Pretty cool technology to debug things going wrong in Kubernetes clusters!"),
      candidate("During a sponsored keynote, a learning website was introduced by the vendor."),
      fr("Globalement les chiffres sont intéressants et les commentaires confirment que la communauté espère plus."),
    ],
    spares: [candidate(GOOD), fr("Cilium remplace kube-proxy par des programmes eBPF attachés aux interfaces réseau.")],
  },
  narration: {
    lowers: [
      candidate("Justin Cormack from Docker gave us an overview of all CNCF sandbox projects."),
      candidate("Session started with some research in how clusters are partitioned."),
      candidate("Ken demo’ed a few use cases, the simplest one bringing a pod up and asserting its state."),
      fr("S'enchaine des démonstrations, des commentaires de bêta testeurs et des benchmarks face à Istio."),
    ],
    spares: [candidate("Flux keeps clusters in sync by using a git repository as a single source of truth.")],
  },
  "fragment-ending": {
    lowers: [
      candidate("Controlled by a Custom Resource Definition object called"),
      candidate("You can get a summary of both values via `kubectl describe node <name>`, ie."),
      candidate("The scheduler supports several extension points, e.g."),
      candidate("Three things decide where a pod lands:"),
    ],
    spares: [candidate("The scheduler decides where a pod lands, e.g. on the node with the most free memory.")],
  },
  "glued-bullets": {
    lowers: [
      candidate("The CLI commands are the same as docker build and push, so it is easy to switch - Uses runc rootless containers"),
      candidate("New clusters are added to the manifest for common deployment with Flux. (Ingress, host security, etc)"),
    ],
    spares: [candidate("Linux split the privileges of root - traditionally all or nothing - into distinct capabilities.")],
  },
  "lost-negation": {
    lowers: [candidate("Dockerfile support in the builder, images are not based on a distribution.", { previous: line("No", 1) })],
    spares: [candidate("Dockerfile support in the builder, images are not based on a distribution.", { previous: line("Can build from Dockerfile", 1) })],
  },
  "subject-less": {
    lowers: [
      candidate("Scales up/down the number of replicas of a pod based on its metrics."),
      candidate("Meant exclusively for running inside containerized environments such as Kubernetes."),
      candidate("Basic model: Allow Kubernetes to verify system state before providing access to the node."),
      fr("Permet de limiter les appels système qu'un conteneur peut faire sur le noyau."),
    ],
    spares: [
      candidate("The Horizontal Pod Autoscaler scales up the number of replicas of a pod."),
      candidate("Managing signatures involves a lot of keys, and it is not native to registries."),
      candidate("Limits are enforced by the kernel through cgroups, requests by the scheduler."),
    ],
  },
  verbless: {
    lowers: [
      candidate("Rapid application development using CRDs for standalone binaries without a cluster."),
      candidate("Free-to-use tool for scanning your container images for package vulnerabilities."),
      fr("Cert-Manager pour la génération des certificats https avec Lets Encrypt sur chaque cluster."),
      fr("Envoy étant sur les nodes et les nodes exécutant des pods de divers namespaces."),
    ],
    spares: [
      candidate("OPA is written in Go and runs as a sidecar or as a host-level daemon."),
      candidate("Privileged processes bypass all kernel permission checks, unprivileged ones do not."),
      candidate("Using eBPF based tools to monitor and debug Kubernetes resources", { origin: "list" }),
      fr("Cilium remplace kube-proxy par des programmes eBPF attachés aux interfaces réseau."),
    ],
  },
  "leaning-opening": {
    lowers: [
      candidate("Another part is a schema registry, which defines the specifications of all events."),
      candidate("In the end it doesn’t really matter which one of the two projects you pick."),
      candidate("The plugin reserves 1 IP per ENI for its own purposes, the rest go to pods."),
      candidate("Someone else’s app: and its state has to be managed inside Kubernetes."),
      fr("L'ensemble permettant d'améliorer les capacités du réseau de façon notable."),
    ],
    spares: [
      candidate("The scheduler keeps track of allocatable resources on each node of the cluster."),
      candidate("The design of the Custom Metrics API leaves the implementation to the vendors."),
    ],
  },
  "leaning-word": {
    lowers: [
      candidate("Application teams also use Flux for deploying their services to every cluster."),
      candidate("Vulnerabilities in logging agents are not uncommon, and they should be protected as well."),
      candidate("The contract of such APIs is that each metric returns a single value to scale on."),
      fr("Kyverno gère également la génération des secrets dans chaque namespace du cluster."),
    ],
    spares: [candidate("Running the agent in a pod, as well as keeping it updated, protects the host from log attacks.")],
  },
  "completes-lead-in": {
    lowers: [
      candidate("Tenants need to be able to verify where and how their workload is running.", { parent: line("Requirements:") }),
      candidate("Flux adds security checks to every Kubernetes environment they run.", { parent: line("They solved that by:") }),
    ],
    spares: [
      candidate("Tenants need to be able to verify where and how their workload is running.", { parent: line("Confidential computing") }),
      candidate("Service meshes are a rabbit hole, think twice before you use them.", { origin: "list", parent: line("take aways:") }),
    ],
  },
  "lead-in": {
    lowers: [
      candidate("In case of a networking issue, the first thing to do is to collect information."),
      candidate("There are two main projects to run sandboxed pods in Kubernetes today."),
      candidate("Sandboxed pods run each container on its own lightweight kernel.", { next: line("Kata Containers runs each pod in a virtual machine", 2) }),
      candidate("Developers are familiar with unit, integration and end to end testing.", { next: line("How can we test a Kubernetes operator end to end?", 1) }),
    ],
    spares: [candidate("RedHat is working on a minimal Kubernetes API with multi-tenant support.", { next: line("github.com/kcp-dev/kcp", 2) })],
  },
  "bare-label": {
    lowers: [
      candidate("Thanos (high available metric system – incubating): new UI, multi tenancy"),
      candidate("Kubernetes Dashboard: classic, not extensible, some management possibilities"),
      fr("Performances des disques : mauvaise performance de la classe de stockage par défaut sur Azure AKS"),
    ],
    spares: [candidate("Trusted Platform Module (TPM): is able to sign and encrypt data with keys that never leave the chip.")],
  },
  catalogue: {
    lowers: [
      candidate("Kubevious: can analyze your cluster and even replay its past states, read only.", {
        siblings: [line("K8Dash: a simple alternative", 1), line("Kubevious: can analyze your cluster", 1), line("Octant: local only", 1)],
      }),
    ],
    spares: [candidate("Kubevious: can analyze your cluster and even replay its past states, read only.")],
  },
  reference: {
    lowers: [
      fr("Le changement vers un modèle EDT dont vous pouvez retrouver la publication google."),
      candidate("You can find the full list of sandbox projects on the landscape page of the CNCF."),
    ],
    spares: [candidate(GOOD)],
  },
  dated: {
    lowers: [
      candidate("A usable signing solution will be shipped by the second half of 2021 with updates."),
      candidate("Container Storage Object Interface was released: ephemeral volumes and Windows support."),
      fr("Le support de Windows sera disponible pour tous les clusters dans la prochaine version."),
    ],
    spares: [candidate(GOOD)],
  },
  personal: {
    lowers: [
      candidate("Speaker tried to improve the developer experience at his company with buildpacks."),
      candidate("Using image update automation, we can reconcile the desired state of every cluster."),
      fr("En exploitant la vulnérabilité Dirty Pipe, il s’évade du container et devient root sur le node."),
    ],
    spares: [
      candidate("What we mean by internal threats is any attack driven from inside the container."),
      fr("Il faut laisser des access keys liées à un compte sans droit et monitorer ce compte."),
    ],
  },
  question: {
    lowers: [
      candidate("Why OpenTelemetry? because vendor lock-in is a pain for every end user."),
      candidate("What is (e)BPF: a fundamental change that runs user programs in the kernel."),
    ],
    spares: [candidate("What we mean by internal threats is any attack driven from inside the container.")],
  },
  exclamation: {
    lowers: [candidate("Headlamp is extensible, and its actions can be cancelled during a grace period!")],
    spares: [candidate("Headlamp is extensible, and its actions can be cancelled during a grace period.")],
  },
  informal: {
    lowers: [
      candidate("More clusters means more management, which leads to more stuff that can break."),
      candidate("eBPF allows you to run custom code in the Linux kernel; it’s a bytecode basically."),
    ],
    spares: [candidate("More clusters mean more management, and more components that can break.")],
  },
  thin: {
    lowers: [candidate("Networking is hard and Kubernetes networking is harder.")],
    spares: [candidate(GOOD)],
  },
  unfinished: {
    lowers: [candidate("Tenants need to be able to verify where, what and how their workload is running")],
    spares: [
      candidate("Tenants need to be able to verify where, what and how their workload is running", { origin: "list" }),
      candidate("Tenants need to verify where their workload runs (and how)."),
    ],
  },
};

describe("takeaway rules", () => {
  it("has a test for every rule, and every rule a distinct name", () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(CASES).sort()).toEqual([...names].sort());
  });

  describe.each(Object.entries(CASES))("%s", (name, { lowers, spares }) => {
    const rule = RULES.find((r) => r.name === name)!;
    it.each(lowers.map((c) => [c.text, c]))("lowers %j", (_, c) => {
      expect(rule.factor(c)).toBeLessThan(1);
      expect(scoreCandidate(c).reasons).toContain(name);
    });
    it.each(spares.map((c) => [c.text, c]))("spares %j", (_, c) => {
      expect(rule.factor(c)).toBe(1);
      expect(scoreCandidate(c).reasons).not.toContain(name);
    });
  });

  it("multiplies the factors into a score in [0, 1] and names the rules that lowered it", () => {
    expect(scoreCandidate(candidate(GOOD))).toEqual({ score: 1, reasons: [] });
    const weak = scoreCandidate(candidate("Kubernetes moves to three releases per year from now on"));
    expect(weak.reasons).toEqual(["dated", "thin", "unfinished"]);
    expect(weak.score).toBeCloseTo(0.5 * 0.5 * 0.75, 2);
    expect(weak.score).toBeLessThanOrEqual(POSTABLE_THRESHOLD);
    expect(scoreCandidate(candidate("Cool demo about Cluster API being used to create clusters")).score).toBe(0);
  });
});

describe("grammar", () => {
  it.each([
    ["Seccomp limits the system calls a process can make", "en", true],
    ["Docker has a default list of capabilities", "en", true],
    ["Privileged processes bypass all kernel permission checks", "en", true],
    ["Thanos: new UI, multi tenancy", "en", false],
    ["Inspektor Gadget: a swiss army knife for eBPF tooling, focused on Kubernetes use case", "en", false],
    ["les commentaires confirment que la communauté espère plus", "fr", true],
    ["C’est une bonne idée de monitorer ce compte", "fr", true],
    ["Cert-Manager pour la génération des certificats", "fr", false],
    ["Utilisation des ClusterPolicy avec kyverno pour la gestion des secrets", "fr", false],
  ])("finds a conjugated verb in %j (%s): %s", (text, language, expected) => {
    expect(hasConjugatedVerb(text, language)).toBe(expected);
  });

  it.each([
    ["Scales up the number of replicas", "en", true],
    ["Adjust the number of nodes in the cluster", "en", true],
    ["Controlled by a Custom Resource Definition", "en", true],
    ["Managing signatures involves many keys", "en", false],
    ["Chunks is expensive", "en", false],
    ["Kubernetes moves to three releases per year", "en", false],
    ["Permet de limiter les appels système", "fr", true],
    ["Kyverno permet de limiter les appels système", "fr", false],
  ])("sees %j (%s) open with its verb: %s", (text, language, expected) => {
    expect(opensWithVerb(text, language)).toBe(expected);
  });
});
