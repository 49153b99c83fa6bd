/** Short recaps and feeds written for these tests. */

export const recapPage = (options: { base: string; slug: string; title: string; talk: string; note: string; canonical?: string }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${options.title}</title>
<link rel="canonical" href="${options.canonical ?? `${options.base}/posts/${options.slug}`}">
<meta name="author" content="Ada Fixture"></head>
<body><nav><a href="/">Home</a></nav><article>
<h1>${options.title}</h1>
<p>Three days of talks, hallway chats and far too much coffee: these are the sessions I took notes in, written up the week after while they were still fresh in my mind.</p>
<h2>${options.talk}</h2>
<ul><li>${options.note}</li><li>The speakers showed the rollout plan they used across forty clusters.</li></ul>
<h2>Cost Dashboards Nobody Reads - Lee Park, Example Corp</h2>
<ul><li>Teams act on a weekly cost digest, not on a dashboard.</li></ul>
</article></body></html>`;

export const OTHER_PAGE = `<!doctype html><html lang="en"><head><title>Our new office</title></head><body><article><h1>Our new office</h1>
<p>We moved to a bigger office with a garden, a quiet room and a kitchen that finally fits the whole team at lunch time.</p></article></body></html>`;

export const rss = (items: { title: string; link: string; guid?: string; category?: string; description?: string }[], updated = "Mon, 06 Apr 2026 10:00:00 GMT") => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>A blog</title><link>https://blog.example/</link><lastBuildDate>${updated}</lastBuildDate>
${items
  .map(
    (i) => `<item><title>${i.title}</title><link>${i.link}</link>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ""}${i.category ? `<category>${i.category}</category>` : ""}<dc:creator>Ada Fixture</dc:creator><description><![CDATA[${i.description ?? "<p>A post.</p>"}]]></description></item>`,
  )
  .join("\n")}
</channel></rss>`;

export const ATOM = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title><id>urn:notes</id><updated>2026-04-06T10:00:00Z</updated>
<entry><title type="html">Retour de la KubeCon Europe 2026 &amp; ses ateliers</title><id>urn:uuid:1</id><link rel="alternate" href="${base}/posts/retour"/><category term="cloud"/><author><name>Zoé Exemple</name></author><updated>2026-04-05T10:00:00Z</updated><summary>Mes notes.</summary></entry>
<entry><title>Release notes 4.2</title><id>urn:uuid:2</id><link href="${base}/posts/release"/><updated>2026-04-04T10:00:00Z</updated><content type="html">&lt;p&gt;Bug fixes.&lt;/p&gt;</content></entry>
</feed>`;

export const JSON_FEED = (base: string) =>
  JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Notes",
    items: [
      { id: "7", url: `${base}/posts/json-one`, title: "Week notes", tags: ["KubeCon"], content_html: "<p>Short.</p>", authors: [{ name: "Ida Json" }] },
      { id: "8", url: `${base}/posts/json-two`, title: "Gardening", content_text: "Tomatoes." },
    ],
  });

/** The classic entity bomb: ten entities, each ten of the one before. */
export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>KubeCon &lol9;</title><link>https://blog.example/x</link></item></channel></rss>`;
