import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";

/** A rendered Kubernetes object, as plain data. */
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> } } & Record<string, unknown>;

const KUBECTL = "/usr/bin/kubectl";

/** Whether `kubectl kustomize` can render here (a fresh CI machine may have no kubectl). */
export const hasKubectl = (): boolean => existsSync(KUBECTL);

/** The overlay as `kubectl kustomize` renders it. */
export function kubectlKustomize(dir: string): K8sObject[] {
  return parseObjects(execFileSync(KUBECTL, ["kustomize", dir], { encoding: "utf8" }));
}

export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

type Kustomization = {
  resources?: string[];
  patches?: { path: string }[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
};
const KNOWN_FIELDS = new Set(["apiVersion", "kind", "resources", "patches", "labels", "images"]);

/**
 * The subset of kustomize our manifests use (resources, strategic-merge patches from files,
 * labels with selectors, images), for machines without kubectl. It refuses any other field, so
 * it cannot quietly render something kustomize would not; where kubectl exists the test checks
 * the two agree.
 */
export function renderKustomization(dir: string): K8sObject[] {
  const kustomization = parseObjects(readFileSync(join(dir, "kustomization.yaml"), "utf8"))[0] as unknown as Kustomization;
  for (const field of Object.keys(kustomization)) {
    if (!KNOWN_FIELDS.has(field)) throw new Error(`${dir}/kustomization.yaml: the fallback renderer does not know '${field}'`);
  }
  let objects = (kustomization.resources ?? []).flatMap((entry) => {
    const path = resolve(dir, entry);
    return statSync(path).isDirectory() ? renderKustomization(path) : parseObjects(readFileSync(path, "utf8"));
  });
  for (const { path } of kustomization.patches ?? []) {
    for (const patch of parseObjects(readFileSync(resolve(dir, path), "utf8"))) {
      const index = objects.findIndex((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (index < 0) throw new Error(`${path}: no ${patch.kind} ${patch.metadata.name} to patch`);
      objects[index] = strategicMerge(objects[index], patch) as K8sObject;
    }
  }
  for (const { pairs, includeSelectors } of kustomization.labels ?? []) objects = objects.map((o) => addLabels(o, pairs, includeSelectors === true));
  for (const image of kustomization.images ?? []) objects = objects.map((o) => setImage(o, image));
  return objects;
}

/** List merge keys of the strategic merge patch, for the lists our patches touch. */
const MERGE_KEYS: Record<string, string> = { containers: "name", volumes: "name", env: "name", volumeMounts: "mountPath", ports: "containerPort" };

function strategicMerge(base: unknown, patch: unknown, field = ""): unknown {
  if (Array.isArray(base) && Array.isArray(patch) && MERGE_KEYS[field]) {
    const key = MERGE_KEYS[field]!;
    const merged = [...base] as Record<string, unknown>[];
    for (const item of patch as Record<string, unknown>[]) {
      const at = merged.findIndex((existing) => existing[key] === item[key]);
      if (at >= 0) merged[at] = strategicMerge(merged[at], item) as Record<string, unknown>;
      else merged.push(item);
    }
    return merged;
  }
  if (!isRecord(base) || !isRecord(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete merged[name];
    else merged[name] = name in base ? strategicMerge(base[name], value, name) : value;
  }
  return merged;
}

function addLabels(object: K8sObject, pairs: Record<string, string>, includeSelectors: boolean): K8sObject {
  const copy = structuredClone(object) as K8sObject & { spec?: Record<string, any> };
  copy.metadata.labels = { ...copy.metadata.labels, ...pairs };
  if (!includeSelectors || !copy.spec) return copy;
  if (copy.kind === "Service") copy.spec.selector = { ...copy.spec.selector, ...pairs };
  if (copy.spec.selector?.matchLabels) copy.spec.selector.matchLabels = { ...copy.spec.selector.matchLabels, ...pairs };
  if (copy.spec.template) copy.spec.template.metadata = { ...copy.spec.template.metadata, labels: { ...copy.spec.template.metadata?.labels, ...pairs } };
  return copy;
}

function setImage(object: K8sObject, image: { name: string; newName?: string; newTag?: string }): K8sObject {
  const copy = structuredClone(object) as K8sObject & { spec?: { template?: { spec?: { containers?: { image: string }[] } } } };
  for (const container of copy.spec?.template?.spec?.containers ?? []) {
    if (container.image.split(":")[0] !== image.name) continue;
    container.image = `${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : ""}`;
  }
  return copy;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
