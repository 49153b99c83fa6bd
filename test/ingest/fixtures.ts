import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** A web server on loopback that serves a test's pages; `close` ends it with its open connections. */
export async function loopbackServer(handler: RequestListener): Promise<{ base: string; close(): void }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A saved blog page as browsers save them: navigation, the article, share buttons, related posts, comments, footer. */
export const BLOG_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>KubeCon + CloudNativeCon Europe 2024 Paris: my notes | Example Blog</title>
  <meta name="author" content="Jane Writer">
  <meta property="article:published_time" content="2024-03-25T10:00:00Z">
  <style>body { font-family: sans-serif; }</style>
  <script>window.analytics = {};</script>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/archive">Archive</a></nav></header>
  <main>
    <article>
      <h1>KubeCon + CloudNativeCon Europe 2024 Paris: my notes</h1>
      <p>Three days in Paris with twelve thousand people. These are the talks I took notes in, with links to the recordings where they exist.</p>
      <h2>Cilium Mesh Without Sidecars - Ann Lee, Isovalent</h2>
      <p><a href="https://www.youtube.com/watch?v=cilium1">Watch the recording</a></p>
      <ul>
        <li>The proxy moves to the node, and <strong>mTLS</strong> stays transparent to the application.</li>
        <li>Upgrades no longer restart every pod of the cluster, which operators have wanted for years.</li>
      </ul>
      <h2>Scaling Prometheus to a Billion Series - Bob Ray, Grafana Labs</h2>
      <p>Bob showed how <code>remote_write</code> sharding and Mimir keep ingestion flat while the number of series grows every month.</p>
      <p><img src="/img/mimir.png" alt="Mimir architecture"></p>
      <ul>
        <li>Shard by tenant first, by series second.</li>
        <li>Keep recording rules close to the data they read.</li>
      </ul>
    </article>
    <div class="share"><button>Share on X</button><button>Share on LinkedIn</button></div>
    <aside class="related"><h3>Related posts</h3><ul><li><a href="/2023">KubeCon 2023 notes</a></li><li><a href="/2022">KubeCon 2022 notes</a></li></ul></aside>
    <section id="comments" class="comments"><h3>3 Comments</h3><p>Great post, thanks!</p><p>Nice summary.</p></section>
  </main>
  <footer><p>© 2024 Example Blog · Subscribe to our newsletter</p></footer>
</body>
</html>
`;

/** A Hugo post: TOML front matter, then Markdown. */
export const HUGO_POST = `+++
title = "KubeCon Europe 2024 recap"
date = 2024-03-22T09:00:00Z
author = "Ann Writer"
tags = ["kubecon", "kubernetes"]
+++

Notes from the show floor.

## Gateway API Is GA - Mary Major, Google

- Routes are portable between implementations.
- Policy attachment is the next step.
`;

/** A Jekyll post: YAML front matter, then Markdown. */
export const JEKYLL_POST = `---
layout: post
title: "My KubeCon NA 2023 Chicago notes"
date: 2023-11-10
author:
  name: Sam Writer
tags: [kubecon, chicago]
---

Chicago was cold.

## Platform Engineering Maturity - Ann Lee, Acme

- Start with the paved road.
`;

/** A page exported from a publishing platform: a title with the author and site added, image captions, an embedded post, clap buttons. */
export const PLATFORM_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <title>What I Learned at KubeCon + CloudNativeCon North America 2023 Chicago | by Priya Raman | Example Publishing</title>
  <meta name="author" content="Priya Raman">
</head>
<body>
  <div class="metabar"><a href="/">Example Publishing</a> <button>Sign in</button></div>
  <article>
    <h1>What I Learned at KubeCon + CloudNativeCon North America 2023 Chicago</h1>
    <div class="clap"><button>👏 312</button></div>
    <p>Chicago was cold, but the hallway track was warm. Here are the sessions that stuck with me, in the order I saw them.</p>
    <figure><img src="https://images.example.org/keynote.jpeg" alt=""><figcaption>The keynote stage on day one (photo by the author)</figcaption></figure>
    <h2>Platform Engineering Is Not a Rebrand of DevOps</h2>
    <p><em>Speakers: Abby Bangser (Syntasso) &amp; Whitney Lee (VMware)</em></p>
    <p>Abby argued that a platform is a product, with users, a roadmap and a feedback loop, and that building one without talking to developers is how you get a portal nobody opens.</p>
    <blockquote class="twitter-tweet"><p lang="en">Your platform is a product. Best line of the week so far</p>— Kelsey Fan (@kfan) <a href="https://social.example.org/kfan/status/1">November 7, 2023</a></blockquote>
    <h2>Scaling Kubernetes Jobs to a Million Pods</h2>
    <p><em>Speakers: Aldo Culquicondor (Google), Michał Woźniak (Google)</em></p>
    <figure><img src="https://images.example.org/kueue.png" alt="Kueue"><figcaption>Kueue's queues, as shown in the talk</figcaption></figure>
    <p>Kueue now admits batch workloads by quota and priority, and job queues held a million pods without the scheduler falling over.</p>
    <p><a href="https://videos.example.org/kubecon-na-2023/kueue.mp4">Watch the recording</a></p>
  </article>
  <div class="responses"><h3>Responses (4)</h3><p>Great writeup!</p></div>
</body>
</html>
`;

/** A wiki page export: page metadata, an info box, a collapsed block, a table that is no table of talks, like buttons and comments. */
export const WIKI_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><title>KubeCon EU 2019 Barcelona - Team Notes - Platform Wiki</title><meta name="author" content="Marta Ruiz"></head>
<body>
<div id="header"><a href="/wiki">Wiki</a> <a href="/spaces">Spaces</a></div>
<div id="main">
  <h1 id="title-heading">KubeCon EU 2019 Barcelona - Team Notes</h1>
  <div class="page-metadata">Created by Marta Ruiz, last modified by Tom Berg on May 24, 2019</div>
  <div id="main-content" class="wiki-content">
    <div class="confluence-information-macro"><p>These notes were written during the talks, so expect typos. Corrections are welcome in the comments below.</p></div>
    <h2 id="Day1">Day 1 – 21 May</h2>
    <h3>Service Mesh Interface: A Standard for Meshes</h3>
    <p><strong>Speakers:</strong> Gabe Monroy (Microsoft), William Morgan (Buoyant)</p>
    <ul><li>SMI defines traffic policy, telemetry and traffic split APIs for every mesh</li><li>Linkerd, Istio and Consul adapters were announced on stage</li></ul>
    <div class="expand-container"><div class="expand-control"><span class="expand-control-text">Click here to expand...</span></div><div class="expand-content"><p>Our take: we should try the traffic split API for canaries in Q3.</p></div></div>
    <h2 id="Day2">Day 2 – 22 May</h2>
    <h3>OpenTelemetry: OpenTracing and OpenCensus Merge</h3>
    <p><strong>Speakers:</strong> Morgan McLean (Google), Ben Sigelman (LightStep)</p>
    <ul><li>One set of APIs and libraries for traces and metrics</li></ul>
    <table class="confluenceTable"><tbody><tr><th>Action</th><th>Owner</th></tr><tr><td>Evaluate OpenTelemetry SDK</td><td>Tom</td></tr></tbody></table>
  </div>
  <div class="like-button"><button>Like</button> Be the first to like this</div>
  <div id="comments-section"><h2>2 Comments</h2><p>Thanks Marta!</p></div>
</div>
</body>
</html>
`;

/** A newsletter platform's post: subscribe boxes and buttons inside the article, a "- by Author" title. */
export const NEWSLETTER_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><title>KubeCon India 2024 Delhi: five talks worth your evening - by Arjun Mehta</title><meta name="author" content="Arjun Mehta"></head>
<body>
<div class="topbar"><a href="/">Cloud Notes</a><button>Subscribe</button></div>
<article class="post">
  <h1 class="post-title">KubeCon India 2024 Delhi: five talks worth your evening</h1>
  <div class="body markup">
    <p>The first KubeCon India was packed: more than three thousand people in Delhi. These are the talks I would watch first.</p>
    <h2>🎤 Kubernetes at Flipkart Scale</h2>
    <p><em>by Rahul Sharma (Flipkart)</em></p>
    <p>Flipkart runs more than a hundred clusters for its sales days, and pre-scales node pools a week ahead of each one.</p>
    <p class="button-wrapper"><a class="button" href="https://cloudnotes.example.org/subscribe"><span>Subscribe now</span></a></p>
    <h2>🎤 eBPF for Indian Telcos</h2>
    <p><em>by Priya Nair (Jio) and Karan Singh (Isovalent)</em></p>
    <p>5G core functions run on Kubernetes with Cilium; eBPF replaces the old iptables chains and cut latency by a third.</p>
  </div>
</article>
</body>
</html>
`;
