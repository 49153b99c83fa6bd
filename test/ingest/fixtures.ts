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
