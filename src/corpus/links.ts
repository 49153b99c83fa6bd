/** What a talk's own link points at, read from its address and its label. */
export type TalkLinkKind = "video" | "slides" | "page";

const VIDEO = /(^|\.)(youtube\.com|youtu\.be|vimeo\.com|bilibili\.com|nicovideo\.jp)$|\.(mp4|webm)$/i;
const SLIDES = /(^|\.)(speakerdeck\.com|slideshare\.net|slides\.com)$|\.(pdf|pptx?|key)$/i;
const SCHEDULE = /(^|\.)(sched\.com|sessionize\.com|events\.linuxfoundation\.org|kccnc\w*\.sched\.com)$/i;

/**
 * "video", "slides" or "page" (a schedule or session page) when a link is a talk's own; undefined for
 * any other link (a project's site, a blog post).
 */
export function talkLinkKind(url: string, label = ""): TalkLinkKind | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(parsed.protocol)) return undefined;
  const host = parsed.hostname;
  const path = parsed.pathname;
  if (VIDEO.test(host) || VIDEO.test(path) || /\b(video|recording|watch|replay|vidéo|enregistrement)\b|動画|録画/i.test(label)) return "video";
  if (SLIDES.test(host) || SLIDES.test(path) || (host === "docs.google.com" && path.startsWith("/presentation")) || /\b(slides?|deck|diapos?|présentation)\b|スライド/i.test(label)) return "slides";
  if (SCHEDULE.test(host) || /\/(schedule|program|session)s?\//i.test(path)) return "page";
  return undefined;
}
