import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/corpus/markdown.js";

const texts = (body: string) => parseMarkdown(body).blocks.map((b) => b.text);

describe("parseMarkdown: blocks without Markdown syntax", () => {
  it("drops emphasis markers, images, backticks and stray HTML tags, keeps link labels", () => {
    const body = "## **Bold** title ![image](https://x/img.png)\n\nUse `kubectl` with <span>care</span>, see [the docs](https://kubernetes.io/docs).\n";
    const [heading, paragraph] = parseMarkdown(body).blocks;
    expect(heading).toMatchObject({ text: "Bold title", markdownLevel: 2 });
    expect(paragraph).toMatchObject({ text: "Use kubectl with care, see the docs.", links: [{ label: "the docs", url: "https://kubernetes.io/docs" }] });
  });

  it("keeps angle-bracket placeholders that are not HTML, and reference links' URLs", () => {
    const [line] = parseMarkdown("Run kubectl describe node <node-name> as [shown][1].\n\n[1]: https://example.org/x\n").blocks;
    expect(line).toMatchObject({ text: "Run kubectl describe node <node-name> as shown.", links: [{ label: "shown", url: "https://example.org/x" }] });
  });

  it("tells how much of a line is emphasized", () => {
    expect(parseMarkdown("***Networking***\n\n**A Talk Title**\n\n*aside*\n\nsome **bold** words\n").blocks.map((b) => b.emphasis)).toEqual([3, 2, 1, 0]);
  });

  it("reads YAML and TOML front matter aside, never as text", () => {
    const yaml = parseMarkdown("---\ntitle: Hello\ntags: [a]\n---\n\nBody.\n");
    expect(yaml.frontMatter).toEqual({ format: "yaml", value: "title: Hello\ntags: [a]" });
    expect(yaml.blocks.map((b) => b.text)).toEqual(["Body."]);
    const toml = parseMarkdown('+++\ntitle = "Hello"\n+++\nBody.\n');
    expect(toml.frontMatter).toEqual({ format: "toml", value: 'title = "Hello"' });
    expect(toml.blocks.map((b) => b.text)).toEqual(["Body."]);
  });

  it("reads plain text line by line: page bullets with their indentation, lines after a list on their own", () => {
    const body = "Intro line\nsecond line\n\n  • first\n    • nested\n- item\nNot part of the item\n";
    expect(parseMarkdown(body).blocks.map((b) => [b.text, b.depth])).toEqual([
      ["Intro line", 0],
      ["second line", 0],
      ["first", 2],
      ["nested", 3],
      ["item", 1],
      ["Not part of the item", 0],
    ]);
  });

  it("reads four-space indented bullets of a plain-text page as text, not code", () => {
    expect(parseMarkdown("Title\n\n      • Deep note with *stars*\n").blocks.map((b) => [b.text, b.verbatim])).toEqual([
      ["Title", false],
      ["Deep note with stars", false],
    ]);
  });

  it("keeps fenced code and table rows as verbatim text", () => {
    const blocks = parseMarkdown("```yaml\nkind: Pod\n```\n\n| Talk | Speaker |\n| --- | --- |\n| Zero Trust | Ann Lee |\n").blocks;
    expect(blocks.map((b) => [b.text, b.verbatim])).toEqual([
      ["kind: Pod", true],
      ["Talk · Speaker", true],
      ["Zero Trust · Ann Lee", true],
    ]);
  });

  it("drops emoji bullets and HTML blocks' tags", () => {
    expect(texts("🎤 Keynote notes\n\n<div class=\"share\"><p>Shared text</p></div>\n")).toEqual(["Keynote notes", "Shared text"]);
  });

  it("reads bare addresses as links, without the sentence's punctuation or an unopened parenthesis", () => {
    const [slides, aside, inCode] = parseMarkdown(
      "Slides: https://speakerdeck.com/a/b.\n\n(see www.cilium.io/blog, and https://en.wikipedia.org/wiki/Mesh_(network)) or https://\n\n`https://not.a/link`\n",
    ).blocks;
    expect(slides!.links).toEqual([{ label: "https://speakerdeck.com/a/b", url: "https://speakerdeck.com/a/b" }]);
    expect(aside!.text).toBe("(see www.cilium.io/blog, and https://en.wikipedia.org/wiki/Mesh_(network)) or https://");
    expect(aside!.links).toEqual([
      { label: "www.cilium.io/blog", url: "http://www.cilium.io/blog" },
      { label: "https://en.wikipedia.org/wiki/Mesh_(network)", url: "https://en.wikipedia.org/wiki/Mesh_(network)" },
    ]);
    expect(inCode!.links).toEqual([]);
  });
  it("drops Hugo shortcodes and Liquid tags, and emoji before or after a heading or a line", () => {
    const body = '{{< youtube Bv8n0mEXdKE >}}\n\n{{% notice info %}}\nAll recordings are online.\n{{% /notice %}}\n\n{% twitter 164800 %}\n\n## 🚀 #4: Dynamic Resource Allocation 🎥\n\nGreat demo 🎉\n\n`{% raw %}`\n';
    expect(texts(body)).toEqual(["All recordings are online.", "#4: Dynamic Resource Allocation", "Great demo", "{% raw %}"]);
  });

  it("reads numbered citations as links of the words they follow, and drops the list of references", () => {
    const newsletter = "Kubernetes Gateway API Beta [1]\n---\n\nRob Scott showed it [2] to everyone.\n\nLinks:\n[1] https://videos.example.org/gateway.mp4\n[2] https://slides.example.org/gateway.pdf\n";
    const [heading, note, links] = parseMarkdown(newsletter).blocks;
    expect(heading).toMatchObject({ text: "Kubernetes Gateway API Beta", markdownLevel: 2, links: [{ label: "Kubernetes Gateway API Beta", url: "https://videos.example.org/gateway.mp4" }] });
    expect(note).toMatchObject({ text: "Rob Scott showed it to everyone.", links: [{ label: "Rob Scott showed it", url: "https://slides.example.org/gateway.pdf" }] });
    expect(links!.text).toBe("Links:");
    expect(parseMarkdown("Agent Mode Explained [1]\n\n[1]: https://videos.example.org/agent.mp4\n").blocks).toMatchObject([
      { text: "Agent Mode Explained", links: [{ label: "Agent Mode Explained", url: "https://videos.example.org/agent.mp4" }] },
    ]);
    expect(texts("Kubernetes 1.30 [2] is out.\n")).toEqual(["Kubernetes 1.30 [2] is out."]);
  });

  it("reads a plain-text page's heading marks (■, ◆) aside, as it reads bold", () => {
    expect(parseMarkdown("■ マルチテナントの運用\n◆ Title\n- ■ not a heading\n").blocks.map((b) => [b.text, b.headingMark])).toEqual([
      ["マルチテナントの運用", true],
      ["Title", true],
      ["■ not a heading", undefined],
    ]);
  });

  it("keeps the bold words a line opens with", () => {
    expect(parseMarkdown("- **Cilium Mesh** — Thomas Graf, Isovalent\n\n**All bold**\n\nplain **then bold**\n").blocks.map((b) => b.lead)).toEqual(["Cilium Mesh", undefined, undefined]);
  });
});
