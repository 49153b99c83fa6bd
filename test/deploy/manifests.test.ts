import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { hasKubectl, kubectlKustomize, parseObjects, renderKustomization, type K8sObject } from "./kustomize.js";

const root = projectRoot();
const kube = join(root, "deploy", "kubernetes");
const overlays = ["single", "replicated"] as const;

/** kubectl's rendering where it exists, our own otherwise (a fresh CI machine). */
const render = (overlay: string): K8sObject[] => {
  const dir = join(kube, "overlays", overlay);
  return hasKubectl() ? kubectlKustomize(dir) : renderKustomization(dir);
};

type Models = Record<string, new (data: unknown) => { validate(): void }>;
/** The API groups our manifests use, each as kubernetes-models ships its schemas. */
const MODELS: Record<string, () => Promise<unknown>> = {
  v1: () => import("kubernetes-models/v1"),
  "apps/v1": () => import("kubernetes-models/apps/v1"),
  "policy/v1": () => import("kubernetes-models/policy/v1"),
  "autoscaling/v2": () => import("kubernetes-models/autoscaling/v2"),
};

/** Validates against the Kubernetes JSON schemas (types, required fields, enums). */
async function validate(object: K8sObject): Promise<void> {
  const load = MODELS[object.apiVersion];
  if (!load) throw new Error(`${object.kind}: no schemas loaded for ${object.apiVersion}`);
  const Model = ((await load()) as Models)[object.kind];
  if (!Model) throw new Error(`kubernetes-models has no ${object.kind} in ${object.apiVersion}`);
  new Model(object).validate();
}

const find = (objects: K8sObject[], kind: string) => {
  const found = objects.filter((o) => o.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as any;
};

const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
const envExample = readFileSync(join(root, ".env.example"), "utf8");
const secretExample = parseObjects(readFileSync(join(kube, "base", "secret.example.yaml"), "utf8"))[0] as any;

describe.each(overlays)("deploy/kubernetes/overlays/%s", (overlay) => {
  const objects = render(overlay);

  it("renders objects that all validate against the Kubernetes schemas", async () => {
    expect(objects.map((o) => o.kind)).toEqual(expect.arrayContaining(["ConfigMap", "Deployment", "Service", "PodDisruptionBudget"]));
    for (const object of objects) await validate(object);
  });

  it("probes /healthz for liveness and /readyz for readiness on the container's named port", () => {
    const container = find(objects, "Deployment").spec.template.spec.containers[0];
    const ports = container.ports.map((p: { name: string }) => p.name);
    expect(container.livenessProbe.httpGet).toEqual({ path: "/healthz", port: "http" });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/readyz", port: "http" });
    expect(ports).toContain("http");
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources.limits.memory).toBeDefined();
  });

  it("runs under the restricted Pod Security Standard with a read-only root filesystem", () => {
    const pod = find(objects, "Deployment").spec.template.spec;
    const container = pod.containers[0];
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
    expect(pod.automountServiceAccountToken).toBe(false);
    // Writable places are volumes: /tmp and the data folder.
    const volumes = new Set(pod.volumes.map((v: { name: string }) => v.name));
    for (const mount of container.volumeMounts) expect(volumes.has(mount.name), mount.name).toBe(true);
    expect(container.volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual(expect.arrayContaining(["/tmp", "/data"]));
  });

  it("agrees with the image: user, port, command and data folder", () => {
    const pod = find(objects, "Deployment").spec.template.spec;
    const [, uid] = /^USER (\d+):(\d+)$/m.exec(dockerfile) ?? [];
    expect(pod.securityContext.runAsUser).toBe(Number(uid));
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${pod.containers[0].ports[0].containerPort}$`, "m"));
    expect(pod.containers[0].command).toBeUndefined();
    expect(find(objects, "ConfigMap").data.DATA_DIR).toBe("/data");
  });

  it("routes the Service and the disruption budget to the pods", () => {
    const deployment = find(objects, "Deployment");
    const podLabels = deployment.spec.template.metadata.labels;
    const service = find(objects, "Service");
    expect(podLabels).toMatchObject(service.spec.selector);
    expect(service.spec.ports[0].targetPort).toBe("http");
    expect(podLabels).toMatchObject(find(objects, "PodDisruptionBudget").spec.selector.matchLabels);
    expect(deployment.spec.selector.matchLabels).toEqual(find(objects, "PodDisruptionBudget").spec.selector.matchLabels);
  });

  it("configures only variables the bot knows, and reads the Secret the example shows", () => {
    const container = find(objects, "Deployment").spec.template.spec.containers[0];
    for (const name of Object.keys(find(objects, "ConfigMap").data)) expect(envExample, name).toMatch(new RegExp(`^${name}=`, "m"));
    expect(container.envFrom).toContainEqual({ secretRef: { name: secretExample.metadata.name } });
    for (const variable of container.env ?? []) {
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref) expect(Object.keys(secretExample.stringData), variable.name).toContain(ref.key);
    }
  });

  it.runIf(hasKubectl())("is rendered the same by the fallback renderer as by kubectl kustomize", () => {
    expect(normalize(renderKustomization(join(kube, "overlays", overlay)))).toEqual(normalize(objects));
  });
});

describe("the two overlays", () => {
  it("single: one replica, SQLite on a PersistentVolumeClaim, Recreate", () => {
    const objects = render("single");
    const deployment = find(objects, "Deployment");
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy).toEqual({ type: "Recreate" });
    const data = deployment.spec.template.spec.volumes.find((v: { name: string }) => v.name === "data");
    expect(data).toEqual({ name: "data", persistentVolumeClaim: { claimName: find(objects, "PersistentVolumeClaim").metadata.name } });
    expect(objects.map((o) => o.kind)).not.toContain("HorizontalPodAutoscaler");
  });

  it("replicated: three replicas or more owned by an autoscaler, PostgreSQL from the Secret, both platforms in HTTP mode", () => {
    const objects = render("replicated");
    const deployment = find(objects, "Deployment");
    const hpa = find(objects, "HorizontalPodAutoscaler");
    // The autoscaler owns the count: a replicas field would reset it at every apply.
    expect(deployment.spec.replicas).toBeUndefined();
    expect(hpa.spec.minReplicas).toBe(3);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name });
    const env = Object.fromEntries(deployment.spec.template.spec.containers[0].env.map((e: { name: string }) => [e.name, e]));
    expect(env.DATABASE_URL.valueFrom.secretKeyRef).toEqual({ name: "kubecon-bot", key: "DATABASE_URL" });
    expect(env.SLACK_APP_TOKEN.value).toBe("");
    expect(env.SLACK_SIGNING_SECRET.valueFrom.secretKeyRef.optional).toBeUndefined();
    expect(env.DISCORD_PUBLIC_KEY.valueFrom.secretKeyRef.optional).toBeUndefined();
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxUnavailable: 0, maxSurge: 1 });
  });

  it("ship a Secret example that validates and holds placeholders only", async () => {
    await validate(secretExample);
    for (const value of Object.values(secretExample.stringData) as string[]) expect(value).toMatch(/REPLACE-ME/);
  });
});

/** Objects keyed by kind and name, with named list items in name order, for comparing two renderings. */
function normalize(objects: K8sObject[]): Record<string, unknown> {
  const sortLists = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(sortLists);
      const key = (item: any) => (typeof item === "object" && item ? String(item.name ?? item.mountPath ?? "") : "");
      return items.every((item) => key(item) !== "") ? items.sort((a, b) => key(a).localeCompare(key(b))) : items;
    }
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortLists(v)]));
  };
  return Object.fromEntries(objects.map((o) => [`${o.kind}/${o.metadata.name}`, sortLists(o)]));
}
