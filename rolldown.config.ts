import { defineConfig } from "rolldown";

/**
 * The `kubecon` command as one module plus a chunk for each part only some commands load
 * (dist/src/bundle), made from tsc's output in the same build. A one-off `kubecon search` spends
 * most of its life starting, and Node's ES module loader costs about half a millisecond a file: a
 * search now loads one file where it loaded 43 modules, ~30 ms sooner.
 *
 * Inlined: our code and the libraries every search runs. Of stopword's 62 languages only the two
 * stop lists we use are left. Every other package is loaded from node_modules as it is (native
 * addons, CommonJS, what only other commands load). The server (dist/src/main.js) is not bundled:
 * it starts once and runs for days.
 */
const INLINED = ["stopword", "minisearch", "@orama/stemmers"];

const packageOf = (id: string) => id.split("/").slice(0, id.startsWith("@") ? 2 : 1).join("/");
const isBare = (id: string) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("\0");

export default defineConfig({
  input: { kubecon: "dist/src/cli/main.js" },
  platform: "node",
  external: (id) => isBare(id) && !INLINED.includes(packageOf(id)),
  // A warning is a bundle that loads more than it should (a lazily loaded module pulled into the
  // entry by a static import elsewhere, say): the build fails rather than ship it.
  onLog(level, log, handle) {
    handle(level === "warn" ? "error" : level, log);
  },
  output: { dir: "dist/src/bundle", format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name].js", cleanDir: true },
});
