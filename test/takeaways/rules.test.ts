import { describe, expect, it } from "vitest";
import type { Bullet } from "../../src/corpus/section.js";
import { hasConjugatedVerb, opensWithVerb } from "../../src/takeaways/grammar.js";
import { FEATURES, POSTABLE_THRESHOLD, isPostable, scoreCandidate, type Candidate } from "../../src/takeaways/rules.js";

const line = (text: string, depth = 0): Bullet => ({ text, depth });

/** A candidate cut alone from its own line, in a section with a topic, unless told otherwise. */
function candidate(text: string, overrides: Partial<Candidate> = {}): Candidate {
  const own = line(text, overrides.origin === "sentence" ? 0 : 1);
  return { text, language: "en", origin: "bullet", section: { kind: "talk", tags: ["Security"], text, talk: "Sandboxing untrusted workloads" }, line: own, siblings: [own], first: true, last: true, ...overrides };
}
const fr = (text: string, overrides: Partial<Candidate> = {}) => candidate(text, { language: "fr", ...overrides });

const GOOD = "Seccomp limits the system calls a process in a container can make.";

/** Each feature: candidates that have it, and close ones that lack it. */
const CASES: Record<string, { has: Candidate[]; lacks: Candidate[] }> = {
  number: {
    has: [
      candidate("Spotify runs 1,800 services on one cluster per region."),
      candidate("Google has a policy that there should be two distinct defence layers for untrusted pods."),
      candidate("The new scheduler gave a 10x improvement in throughput on large clusters."),
      candidate("Add-ons are rolled out by their owners to 1000s of clusters every week."),
    ],
    lacks: [
      candidate("Kubernetes 1.8 introduced the Custom Metrics API for the autoscaler."),
      candidate("The merger of OpenCensus and OpenTracing took place in 2019."),
      candidate(GOOD),
    ],
  },
  comparison: {
    has: [
      candidate("Resource Metrics API is not an implementation, but an API specification."),
      candidate("Allocatable resources on a node are lower than its capacity."),
      candidate("Confidential computing means the guest workload no longer trusts the host."),
      fr("Contrairement à Linkerd, Cilium fait le choix d'un service mesh sans sidecar."),
      candidate("The CNI specification is not Kubernetes-specific, while Kubernetes supports it."),
      candidate("Most buildpacks are implemented by Google and Heroku, not by the foundation."),
      candidate("Federation v2 is far more opinionated about cross-cluster DNS."),
    ],
    lacks: [candidate(GOOD)],
  },
  lesson: {
    has: [
      candidate("We learned that a single cluster per region was easier to run than one per team."),
      candidate("It turned out that most outages came from configuration changes, not from code."),
      fr("Fastly a constaté en production que la plupart des clusters ne servaient qu'une application."),
      candidate("Container signing is not being used a lot in the companies asked."),
    ],
    lacks: [candidate(GOOD)],
  },
  recommendation: {
    has: [
      candidate("Service Meshes are a rabbit hole, think twice before you use them."),
      candidate("Don't write an operator when a Helm chart and a CronJob do the job."),
      fr("C’est une bonne idée de laisser des access keys liées à un compte sans droit."),
      candidate("It's strongly suggested to not mix the vertical and the horizontal autoscalers."),
      candidate("Seccomp blocks 44 system calls by default, so always keep its default profile on."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("Deployments have changed how updates to your microservices should be performed."),
      candidate("Maintainers are always looking for people to fix bugs and review changes."),
    ],
  },
  cause: {
    has: [
      candidate("Adding clusters means more management, and more components that can break."),
      candidate("Given syscalls run on the host's kernel, a second layer of defence means a kernel per container."),
      candidate("Allocatable resources are lower than capacity, since some are reserved for the system."),
      fr("Il faut bien remplir ses spans, car c'est la base de toute instrumentation."),
      candidate("Kubernetes is a control loop: you express the desired state, it runs a diff and acts on it."),
    ],
    lacks: [candidate(GOOD), candidate("Since version 1.8 the autoscaler reads custom metrics from an adapter.")],
  },
  conditional: {
    has: [
      candidate("If the kubelet is not fast enough to react, the kernel's OOM killer kills the container."),
      fr("Quand un nœud manque de mémoire, le kubelet expulse d'abord les pods sans requests."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("If the kubelet is too slow because the node is overloaded, the OOM killer acts first."),
    ],
  },
  verdict: {
    has: [
      candidate("Networking is hard and Kubernetes networking is even harder."),
      candidate("In case it wasn't obvious, Istio is becoming the default service mesh."),
      candidate("The PodSpec is immutable, so new resource requests mean a new pod."),
      fr("La configuration d'un service mesh reste très complexe pour une petite équipe."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("Kubernetes storage is a topic for the next release of the operator."),
      // Too short to say what the judgement rests on: a truism.
      candidate("Networking is hard and Kubernetes networking is harder."),
    ],
  },
  risk: {
    has: [
      candidate("Security concerns: operators have privileged access to the whole cluster."),
      candidate("Many devices at the edge can mean a bottleneck on the network side of things."),
      fr("Une clé d'accès piège permet de savoir qu'un compte a été compromis."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("Limits are enforced by the kernel through cgroups, requests by the scheduler."),
      candidate("No risk of cross-pollution between builds, as every build runs in its own VM."),
    ],
  },
  named: {
    has: [
      candidate("Most buildpacks are implemented by Google, Heroku and Paketo, not by the foundation."),
      candidate("Running eBPF programs needs a recent kernel on every node of the cluster."),
      candidate("Seccomp limits the system calls a process can make.", { section: { kind: "talk", tags: ["Security"], text: "Profiles for Seccomp are JSON files.\nSeccomp limits the system calls a process can make.", talk: "Profiles" } }),
      candidate("Seccomp limits the system calls a process can make.", { section: { kind: "talk", tags: ["Security"], text: "Seccomp limits the system calls a process can make.", talk: "Seccomp" } }),
      // A heading inside the section ("Seccomp" on a line of its own) names what its notes are about.
      candidate("Seccomp limits the system calls a process can make.", {
        section: { kind: "talk", tags: ["Security"], text: "Capabilities split root's privileges.\nSeccomp\nSeccomp limits the system calls a process can make.", talk: "Notes on security" },
      }),
    ],
    lacks: [candidate("Each container in a pod can specify resource requests and limits."), candidate("If the parent is deleted, the child AND the parent are deleted."), candidate(GOOD)],
  },
  "no-topic": {
    has: [candidate(GOOD, { section: { kind: "talk", tags: [], text: GOOD, talk: "Opening words" } })],
    lacks: [candidate(GOOD)],
  },
  notes: {
    has: [
      candidate(GOOD, { section: { kind: "notes", tags: ["Security"], text: GOOD, talk: "My week at KubeCon" } }),
      // A programme's abstract says what a talk promises, not what it said.
      candidate(GOOD, { section: { kind: "programme", tags: ["Security"], text: GOOD, talk: "Seccomp in practice" } }),
    ],
    lacks: [candidate(GOOD)],
  },
  "chit-chat": {
    has: [
      candidate("First of all, a big shout out to CNCF and all people involved in running the conference."),
      candidate("Pretty cool technology to debug things going wrong in Kubernetes clusters!"),
      candidate("During a sponsored keynote, a learning website was introduced by the vendor."),
      fr("Globalement les chiffres sont intéressants et les commentaires confirment que la communauté espère plus."),
    ],
    lacks: [candidate(GOOD), fr("Cilium remplace kube-proxy par des programmes eBPF attachés aux interfaces réseau.")],
  },
  narration: {
    has: [
      candidate("Justin Cormack from Docker gave us an overview of all CNCF sandbox projects."),
      candidate("Session started with some research in how clusters are partitioned."),
      candidate("Ken demo’ed a few use cases, the simplest one bringing a pod up and asserting its state."),
      fr("S'enchaine des démonstrations, des commentaires de bêta testeurs et des benchmarks face à Istio."),
    ],
    lacks: [candidate("Flux keeps clusters in sync by using a git repository as a single source of truth.")],
  },
  "fragment-ending": {
    has: [
      candidate("Controlled by a Custom Resource Definition object called"),
      candidate("You can get a summary of both values via `kubectl describe node <name>`, ie."),
      candidate("The scheduler supports several extension points, e.g."),
      candidate("Three things decide where a pod lands:"),
    ],
    lacks: [candidate("The scheduler decides where a pod lands, e.g. on the node with the most free memory.")],
  },
  "glued-bullets": {
    has: [
      candidate("The CLI commands are the same as docker build and push, so it is easy to switch - Uses runc rootless containers"),
      candidate("New clusters are added to the manifest for common deployment with Flux. (Ingress, host security, etc)"),
    ],
    lacks: [candidate("Linux split the privileges of root - traditionally all or nothing - into distinct capabilities.")],
  },
  "lost-negation": {
    has: [candidate("Dockerfile support in the builder, images are not based on a distribution.", { previous: line("No", 1) })],
    lacks: [candidate("Dockerfile support in the builder, images are not based on a distribution.", { previous: line("Can build from Dockerfile", 1) })],
  },
  "subject-less": {
    has: [
      candidate("Scales up/down the number of replicas of a pod based on its metrics."),
      candidate("Meant exclusively for running inside containerized environments such as Kubernetes."),
      candidate("Using eBPF based tools to monitor and debug Kubernetes resources"),
      candidate("Has to support multiple teams that are protected from each other."),
      candidate("Basic model: Allow Kubernetes to verify system state before providing access to the node."),
      fr("Permet de limiter les appels système qu'un conteneur peut faire sur le noyau."),
    ],
    lacks: [
      candidate("The Horizontal Pod Autoscaler scales up the number of replicas of a pod."),
      candidate("Managing signatures involves a lot of keys, and it is not native to registries."),
      candidate("Limits are enforced by the kernel through cgroups, requests by the scheduler."),
      candidate("Using eBPF based tools cuts the time to debug a network issue by half."),
    ],
  },
  verbless: {
    has: [
      candidate("Rapid application development using CRDs for standalone binaries without a cluster."),
      candidate("Free-to-use tool for scanning your container images for package vulnerabilities."),
      fr("Cert-Manager pour la génération des certificats https avec Lets Encrypt sur chaque cluster."),
      fr("Envoy étant sur les nodes et les nodes exécutant des pods de divers namespaces."),
    ],
    lacks: [
      candidate("OPA is written in Go and runs as a sidecar or as a host-level daemon."),
      candidate("Privileged processes bypass all kernel permission checks, unprivileged ones do not."),
      candidate("Using eBPF based tools to monitor and debug Kubernetes resources", { origin: "list" }),
      fr("Cilium remplace kube-proxy par des programmes eBPF attachés aux interfaces réseau."),
      candidate("InPlaceSet 提供了 Pod 本地升级的能力，修改镜像后容器会重启而 Pod 不会重建。", { language: "zh" }),
    ],
  },
  "leaning-opening": {
    has: [
      candidate("Another part is a schema registry, which defines the specifications of all events."),
      candidate("In the end it doesn’t really matter which one of the two projects you pick."),
      candidate("The plugin reserves 1 IP per ENI for its own purposes, the rest go to pods."),
      candidate("Someone else’s app: and its state has to be managed inside Kubernetes."),
      fr("L'ensemble permettant d'améliorer les capacités du réseau de façon notable."),
    ],
    lacks: [
      candidate("The scheduler keeps track of allocatable resources on each node of the cluster."),
      candidate("The design of the Custom Metrics API leaves the implementation to the vendors."),
    ],
  },
  "leaning-word": {
    has: [
      candidate("Application teams also use Flux for deploying their services to every cluster."),
      candidate("Vulnerabilities in logging agents are not uncommon, and they should be protected as well."),
      candidate("The contract of such APIs is that each metric returns a single value to scale on."),
      candidate("According to the maintainers, it can already run production workloads despite its alpha status."),
      candidate("According to Anirudh (AWS) it can already be used for production workloads."),
      candidate("If you were to run WordPress yourself on Kubernetes, it requires knowledge of many objects."),
      fr("Kyverno gère également la génération des secrets dans chaque namespace du cluster."),
      fr("Contrairement à Linkerd, pour eux, l'avenir du service mesh est sans sidecar."),
      fr("On y perd en transparence, le gain est au niveau des performances du proxy."),
      candidate("Since the number of ENIs of an instance is limited, the plugin adds secondary IPs to each."),
    ],
    lacks: [candidate("Running the agent in a pod, as well as keeping it updated, protects the host from log attacks.")],
  },
  "completes-lead-in": {
    has: [
      candidate("Tenants need to be able to verify where and how their workload is running.", { parent: line("Requirements:") }),
      candidate("Flux adds security checks to every Kubernetes environment they run.", { parent: line("They solved that by:") }),
    ],
    lacks: [
      candidate("Tenants need to be able to verify where and how their workload is running.", { parent: line("Confidential computing") }),
      candidate("Service meshes are a rabbit hole, think twice before you use them.", { origin: "list", parent: line("take aways:") }),
    ],
  },
  "lead-in": {
    has: [
      candidate("In case of a networking issue, the first thing to do is to collect information."),
      candidate("There are two main projects to run sandboxed pods in Kubernetes today."),
      candidate("Two projects run each sandboxed container on its own lightweight kernel", { next: line("Kata Containers runs each pod in a virtual machine", 2) }),
      candidate("Developers are familiar with unit, integration and end to end testing.", { next: line("How can we test a Kubernetes operator end to end?", 1) }),
    ],
    lacks: [
      candidate("RedHat is working on a minimal Kubernetes API with multi-tenant support.", { next: line("github.com/kcp-dev/kcp", 2) }),
      // A claim whose list details it: the sentence is whole.
      candidate("Adopt open source Kubernetes ecosystem tools. Focus on tools that adopt KRM.", { next: line("Config Sync, Crossplane and Kpt all speak KRM", 2) }),
    ],
  },
  "bare-label": {
    has: [
      candidate("Thanos (high available metric system – incubating): new UI, multi tenancy"),
      candidate("Kubernetes Dashboard: classic, not extensible, some management possibilities"),
      fr("Performances des disques : mauvaise performance de la classe de stockage par défaut sur Azure AKS"),
    ],
    lacks: [candidate("Trusted Platform Module (TPM): is able to sign and encrypt data with keys that never leave the chip.")],
  },
  catalogue: {
    has: [
      candidate("Kubevious: can analyze your cluster and even replay its past states, read only.", {
        siblings: [line("K8Dash: a simple alternative", 1), line("Kubevious: can analyze your cluster", 1), line("Octant: local only", 1)],
      }),
    ],
    lacks: [candidate("Kubevious: can analyze your cluster and even replay its past states, read only.")],
  },
  unjudged: {
    has: [candidate("InPlaceSet 提供了 Pod 本地升级的能力，修改镜像后容器会重启而 Pod 不会重建。", { language: "zh" })],
    lacks: [candidate(GOOD), fr("Cilium remplace kube-proxy par des programmes eBPF attachés aux interfaces réseau.")],
  },
  demo: {
    has: [
      candidate("Stork moves the volume to the node where the pod is scheduled, in seconds.", { section: { kind: "talk", tags: ["Security"], text: "", talk: "Demo project: Stork" } }),
      // A step told as it happened on screen, whatever the section's name.
      candidate("The checks pass because the vulnerabilities found are all of medium or low severity."),
      fr("Les tests passent car les vulnérabilités trouvées sont toutes de sévérité faible."),
    ],
    lacks: [
      candidate("Stork moves the volume to the node where the pod is scheduled, in seconds."),
      candidate("Checks that pass on every pull request still miss vulnerabilities in base images."),
    ],
  },
  logistics: {
    has: [
      candidate("The keynotes start at 9:00 in Hall A, right after the registration desk opens."),
      candidate("The recording of every session will be available on the conference channel."),
    ],
    lacks: [candidate(GOOD)],
  },
  garbled: {
    has: [
      candidate("R(un):::: Be easier to run, make it easy to install, developers need guidance"),
      candidate("Infrastructure -> router -> backends, then gatewayclass -> gateway -> service"),
      candidate("2. Builtin CI system ,User don't need to build their own docker image"),
    ],
    lacks: [candidate("The router sends each request to a backend -> and the backend answers it.")],
  },
  definition: {
    has: [
      candidate("AppArmor is a Linux kernel security module that confines programs to a set of resources."),
      candidate("The Cluster API is a Kubernetes project to bring declarative APIs to cluster creation."),
      candidate("What we mean by internal threats is any attack driven from inside the container."),
      candidate("One of the keys in the TPM is the Endorsement Key, unique to each system."),
      candidate("Benchmarking is an essential part of machine learning research, that provides performance data."),
      candidate("Gatekeeper is an extensible admission controller for Kubernetes using OPA policies."),
    ],
    lacks: [
      candidate("Service Meshes are a rabbit hole, think twice before you use them."),
      candidate(GOOD),
      // Long enough to say what it does and how: a reader learns from it.
      candidate("AppArmor is a Linux kernel security module that supplements user and group permissions to confine programs."),
      candidate("Kubervisor is an operator that controls which pods receive ingress traffic, based on anomaly detection."),
    ],
  },
  "how-to": {
    has: [
      candidate("To implement an eBPF package, start with the C or the Go bindings of libbpf."),
      candidate("Import the database package into the webhook and build the database schema."),
      candidate("In order to make the services focus on their business, the platform hides the machines."),
    ],
    lacks: [candidate("Avoid running more than one service mesh in a cluster at any time."), candidate(GOOD)],
  },
  description: {
    has: [
      candidate("Mesher can be easily integrated with various protocols and backends such as Prometheus."),
      candidate("OpenEBS enables container attached storage using Kubernetes for storage management."),
      candidate("OPA is written in Go and runs as a sidecar or a host-level daemon."),
      candidate("EKS takes care of certificates management, supporting certificates rotation."),
    ],
    lacks: [candidate(GOOD), candidate("Many devices can mean a bottleneck on the network side."), candidate("Kubelet eviction policy sends a SIGTERM first when a soft threshold is reached.")],
  },
  instructions: {
    has: [
      candidate("Through the portal you can design a workflow of experiments and run them in a namespace."),
      fr("Le changement vers un modèle EDT est décrit dans la publication que vous pouvez lire."),
    ],
    lacks: [candidate(GOOD)],
  },
  reference: {
    has: [
      fr("Le changement vers un modèle EDT dont vous pouvez retrouver la publication google."),
      candidate("You can find the full list of sandbox projects on the landscape page of the CNCF."),
    ],
    lacks: [candidate(GOOD)],
  },
  dated: {
    has: [
      candidate("A usable signing solution will be shipped by the second half of 2021 with updates."),
      candidate("Container Storage Object Interface was released: ephemeral volumes and Windows support."),
      candidate("The Custom Metrics API was recently introduced for the autoscaler."),
      fr("Le support de Windows sera disponible pour tous les clusters dans la prochaine version."),
      candidate("The managed service preview is not production ready, do not run production workloads."),
      candidate("The vendor will open-source the build scripts once the service reaches general availability."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("CoreOS coined the operator pattern term back in 2016, for managing stateful apps."),
      // A release dates the news as a year does: history, once the card shows the event's year.
      candidate("Kubernetes 1.8 introduced the Custom Metrics API for the autoscaler."),
      candidate("Starting from Kernel 2.2, Linux introduced capabilities to split the privileges of root."),
      candidate("If the kubelet is not fast enough to react, the kernel's OOM killer will kill the container."),
      candidate("The operator relabels unhealthy pods so that the Service won't send them traffic."),
    ],
  },
  "the-subject": {
    has: [
      candidate("The volume will remain alongside the Pod while the claim exists."),
      fr("Le cluster de production tourne sur trois zones."),
      fr("Si la clé est utilisée, on sait que l'on a été compromis et on peut bloquer l'attaque."),
      candidate("When the scheduler places a pod on a node, it never overcommits requested resources."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("Each cluster needs 3 control plane nodes to survive the loss of one zone."),
      candidate("The PodSpec is immutable, so new requests mean a new pod."),
      // A name written in lower case is no common noun of the talk.
      candidate("If the kubelet is not fast enough to react, the kernel's OOM killer kills the container."),
      candidate("The kubelet reserves a buffer for the hard eviction threshold on every node."),
    ],
  },
  personal: {
    has: [
      candidate("Speaker tried to improve the developer experience at his company with buildpacks."),
      candidate("Using image update automation, we can reconcile the desired state of every cluster."),
      fr("En exploitant la vulnérabilité Dirty Pipe, il s’évade du container et devient root sur le node."),
    ],
    lacks: [
      candidate("What we mean by internal threats is any attack driven from inside the container."),
      fr("Il faut laisser des access keys liées à un compte sans droit et monitorer ce compte."),
    ],
  },
  question: {
    has: [
      candidate("Why OpenTelemetry? because vendor lock-in is a pain for every end user."),
      candidate("What is (e)BPF: a fundamental change that runs user programs in the kernel."),
    ],
    lacks: [candidate("What we mean by internal threats is any attack driven from inside the container.")],
  },
  exclamation: {
    has: [candidate("Headlamp is extensible, and its actions can be cancelled during a grace period!")],
    lacks: [candidate("Headlamp is extensible, and its actions can be cancelled during a grace period.")],
  },
  informal: {
    has: [
      candidate("More clusters means more management, which leads to more stuff that can break."),
      candidate("eBPF allows you to run custom code in the Linux kernel; it’s a bytecode basically."),
    ],
    lacks: [candidate("More clusters mean more management, and more components that can break.")],
  },
  shorthand: {
    has: [candidate("DBs = #1 workload on Kubernetes in 2024, ahead of stateless web services."), candidate("An XRD is an API object w/ spec and status, like any other resource.")],
    lacks: [candidate(GOOD), candidate("The total of requested resources must be <= the allocatable resources of the node.")],
  },
  "well-known": {
    has: [
      candidate("The best-known supply chain attack is the compromise of the SolarWinds build system."),
      fr("L’exemple le plus connu de supply chain attaque est la compromission du logiciel Solar Wind."),
    ],
    lacks: [candidate(GOOD)],
  },
  telegraphic: {
    has: [
      candidate("Features are hard to land. Lots and lots of discussion. The codebase is massive."),
      candidate("Don't give up on contributing to the project! Worth the effort."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("Image stampede. Pods in CrashLoopBackoff with imagePullPolicy Always can take a registry down."),
      candidate("CD pipelines are production services. Spend time measuring their SLIs and improving them."),
      candidate("Each container in a pod can specify resource requests and limits (ie. CPU and memory)."),
    ],
  },
  checklist: {
    has: [
      candidate("You should turn off the insecure port, control access to etcd, restrict privileged containers."),
      candidate("You should align the QoS classes with the infrastructure, enable quotas, and protect system pods."),
      fr("Il faut utiliser des quotas par namespace, configurer les limites, et éviter les conteneurs privilégiés."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("When you write the operator, maintain loose coupling, no code is often better, so write the minimum."),
      candidate("EKS manages the masters and etcd (HA, 3 AZs, encrypted, does backups), while workers are the customer's."),
    ],
  },
  background: {
    has: [
      candidate("Historically Linux had two categories of processes: privileged and unprivileged ones."),
      candidate("At first, every team at the company ran its own Kubernetes clusters."),
      fr("Au commencement de Kubernetes chez Fastly, les équipes lançaient des clusters partout."),
    ],
    lacks: [
      candidate(GOOD),
      candidate("Starting from Kernel 2.2, Linux split the privileges traditionally held by root into capabilities."),
    ],
  },
  platitude: {
    has: [
      candidate("Benchmarking is an essential part of machine learning research and productization."),
      candidate("Observability plays a key role in running Kubernetes in production."),
      fr("La supervision joue un rôle clé dans l'exploitation de Kubernetes en production."),
      candidate("You should think about your threat model, which may or may not be the same as your neighbour's."),
    ],
    lacks: [candidate(GOOD), candidate("Benchmarking showed that GPU sharing halves the cost of inference.")],
  },
  thin: {
    has: [candidate("Networking is hard and Kubernetes networking is harder.")],
    lacks: [candidate(GOOD)],
  },
  unfinished: {
    has: [candidate("Tenants need to be able to verify where, what and how their workload is running", { origin: "sentence" })],
    lacks: [
      candidate("Tenants need to be able to verify where, what and how their workload is running", { origin: "list" }),
      candidate("Tenants need to be able to verify where, what and how their workload is running"),
      candidate("Tenants need to verify where their workload runs (and how)."),
    ],
  },
};

describe("takeaway features", () => {
  it("has a test for every feature, and every feature a distinct name", () => {
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(CASES).sort()).toEqual([...names].sort());
  });

  describe.each(Object.entries(CASES))("%s", (name, { has, lacks }) => {
    const feature = FEATURES.find((f) => f.name === name)!;
    it.each(has.map((c) => [c.text, c]))("is found in %j", (_, c) => {
      expect(feature.test(c)).toBe(true);
      expect(scoreCandidate(c).reasons).toContain(name);
    });
    it.each(lacks.map((c) => [c.text, c]))("is not found in %j", (_, c) => {
      expect(feature.test(c)).toBe(false);
      expect(scoreCandidate(c).reasons).not.toContain(name);
    });
  });

  it("multiplies the weights of the features found into the score and names them", () => {
    const weight = (name: string) => FEATURES.find((f) => f.name === name)!.weight;
    expect(scoreCandidate(candidate(GOOD))).toEqual({ score: 1, reasons: [] });
    const advice = scoreCandidate(candidate("Service meshes are a rabbit hole for 9 teams in 10, so think twice before adopting one."));
    expect(advice.reasons).toEqual(["number", "recommendation", "verdict"]);
    expect(advice.score).toBeCloseTo(weight("number") * weight("recommendation") * weight("verdict"), 2);
    const weak = scoreCandidate(candidate("Kubernetes moves to three releases per year from now on", { origin: "sentence" }));
    expect(weak.reasons).toEqual(["number", "dated", "thin", "unfinished"]);
    expect(weak.score).toBeCloseTo(weight("number") * weight("dated") * weight("thin") * weight("unfinished"), 2);
    expect(scoreCandidate(candidate("Cool demo about Cluster API being used to create clusters")).score).toBe(0);
  });

  it("posts a statement that teaches something, not a plain one, nor one whose flaws outweigh it", () => {
    expect(isPostable(scoreCandidate(candidate(GOOD)).score)).toBe(false);
    expect(isPostable(scoreCandidate(candidate("Service meshes are a rabbit hole, think twice before you use them.")).score)).toBe(true);
    expect(isPostable(scoreCandidate(candidate("Kubernetes moves to three releases per year from now on")).score)).toBe(false);
    expect(isPostable(POSTABLE_THRESHOLD)).toBe(true);
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
    ["Minimize disruption with a PodDisruptionBudget", "en", true],
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
