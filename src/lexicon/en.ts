import type { Lexicon } from "./lexicon.js";

export const en: Lexicon = {
  code: "en",
  weekdays: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"],
  months: ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"],
  dayWords: ["day"],
  partsOfDay: ["morning", "afternoon", "evening", "morning sessions", "afternoon sessions", "morning keynotes", "afternoon keynotes"],
  numberWords: ["zero", "one", "two", "three", "four", "five", "first", "second", "third", "fourth", "fifth", "last"],
  containers: [
    "keynotes", "keynotes*", "keynote sessions", "speakers", "speaker", "our speakers", "the speakers", "keynote talks", "the keynotes", "sessions", "talks", "the talks", "lightning talks", "workshops", "tutorials", "panels",
    "sessions i attended*", "talks i attended*", "sessions attended*", "talks attended*", "sessions of the day", "my sessions*", "session notes*", "talk notes*",
    "breakout sessions", "co-located events", "highlights", "other highlights", "other talks", "more talks", "notable talks", "favorite talks", "favourite talks", "best talks",
  ],
  unitLabels: ["session", "talk"],
  topicGroups: ["notes on*", "thoughts on*", "notes from*"],
  keynoteWords: ["keynote"],
  talkWords: ["talk", "keynote", "session", "panel", "workshop", "tutorial", "lightning talk", "presentation", "fireside chat", "demo", "deep dive", "maintainer track", "project update"],
  parts: [
    "summary", "sumary", "summry", "notes", "my notes", "q&a", "q & a", "qa", "questions", "questions and answers", "demo", "demos", "live demo", "key takeaways", "takeaways",
    "takeaway", "my takeaways", "agenda", "overview", "outline", "background", "context", "motivation", "problem", "the problem", "solution", "solutions", "the solution",
    "architecture", "results", "lessons learned", "lessons", "learnings", "conclusion", "conclusions", "next steps", "what's next", "whats next", "future", "roadmap",
    "resources", "links", "slides", "video", "recording", "references", "further reading", "thoughts", "my thoughts", "personal note", "personal notes", "impressions",
    "abstract", "description", "talk abstract", "speakers", "speaker", "presenters", "details", "meta", "info", "tl;dr", "tldr", "highlights", "gotchas", "features",
    "history", "intro", "introduction", "recap", "wrap-up", "wrap up", "why", "how", "what", "setup", "getting started", "getting involved", "use cases", "challenges",
  ],
  notesTopics: [
    "introduction", "intro", "conclusion*", "closing thoughts*", "final thoughts*", "final words*", "final takeaways*", "wrap-up*", "wrap up*", "wrapping up*",
    "travel", "travel tips", "getting there", "the venue", "venue", "food", "lunch", "dinner", "breakfast", "coffee", "booths", "vendor booths", "the booths", "sponsor booths",
    "expo", "expo hall", "the expo hall", "sponsors", "swag", "party", "parties", "the party", "after party", "afterparty", "karaoke*", "hallway track",
    "my experience", "first impressions", "impressions", "about the event", "about kubecon", "why i went", "preparation", "before the conference", "after the conference",
    "what i learned", "things to check out*", "to check out", "todo", "to do", "all the sessions*", "thanks*", "thank you*", "acknowledgements", "acknowledgments",
    "tl;dr", "tldr", "disclaimer", "about me", "about this post", "overall", "the people", "social events",
  ],

  furniture: [
    "table of contents", "contents", "toc", "in this post", "in this article", "in this memo", "in this recap", "in this issue", "on this page", "related posts*", "related articles*", "related reading*", "related stories*",
    "you may also like*", "you might also like*", "more posts*", "more articles*", "recommended*", "read next*", "comments*", "leave a reply*", "leave a comment*",
    "post a comment*", "about the author*", "author bio*", "subscribe*", "newsletter*", "sign up for*", "share this*", "share on*", "share", "tweet", "license*", "licence*",
    "contributing*", "how to contribute*", "tags*", "categories*", "posted in*", "filed under*", "navigation*", "search*", "archives*", "recent posts*", "follow me*",
  ],
  speakerLabels: ["speakers", "speaker", "presenters", "presenter", "presented by", "panelists", "panelist", "panel", "moderators", "moderator", "hosts", "host", "by", "with", "who"],
  byWords: ["by", "with", "from"],
  andWords: ["and", "&"],
  mediaWords: ["slides", "slide", "video", "recording", "deck", "replay", "youtube", "sched", "schedule", "talk page", "session page", "abstract"],
  signOffs: [
    "that's all for now*", "that's all for today*", "that's all for this*", "that's it for now*", "that's it for today*", "that's it for this*", "thanks for reading*",
    "thank you for reading*", "thanks so much for reading*", "if you liked this*", "if you enjoyed this*", "if you enjoyed the post*", "if you enjoyed the article*",
  ],
  honorifics: [],
  jobTitles: ["senior", "sr", "sr.", "staff", "principal", "lead", "head", "chief", "director", "manager", "engineer", "engineering", "developer", "architect", "product", "software", "technology", "technical", "vp", "cto", "ceo", "cfo", "founder", "co-founder", "cofounder", "advocate", "evangelist", "maintainer", "contributor", "consultant", "researcher", "scientist", "member", "tlm", "distinguished", "fellow", "developer advocate"],
  titleLabels: ["title", "talk title", "session title", "topic", "talk", "session"],
  reportingVerbs: [
    "presented", "showed", "explained", "described", "demonstrated", "walked", "talked", "shared", "gave", "introduced", "argued", "discussed", "covered", "spoke",
    "announced", "led", "hosted", "delivered", "went through", "dove into", "dived into",
  ],
};
