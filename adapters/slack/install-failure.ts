import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * What the browser is shown when an OAuth install does not complete, in place of Bolt's "Oops,
 * Something Went Wrong!" page (a 500 for a cancel too). The codes are @slack/oauth's: those the
 * installer causes (Cancel on Slack's consent screen, a link past its 10 minutes or opened in
 * another browser, a hand-made callback) get a page saying what happened and a way to start again,
 * and are logged at info; anything else (Slack refusing the code exchange, the installation store
 * failing) is ours to look into, and keeps Bolt's error line.
 */
interface Page {
  status: number;
  title: string;
  text: string;
}

const INSTALLERS_DOING = new Map<string, Page>([
  ["slack_oauth_installer_authorization_error", { status: 200, title: "Installation cancelled", text: "Nothing was installed in your workspace." }],
  [
    "slack_oauth_invalid_state",
    {
      status: 400,
      title: "This install link can no longer be used",
      text: "An install link is good for 10 minutes, in the browser that opened it. Nothing was installed.",
    },
  ],
  [
    "slack_oauth_missing_state",
    { status: 400, title: "This is not a link from Slack", text: "Slack's answer came back without the state it was sent with. Nothing was installed." },
  ],
  [
    "slack_oauth_missing_code",
    { status: 400, title: "This is not a link from Slack", text: "Slack's answer came back without its authorization code. Nothing was installed." },
  ],
]);

/** Anything else: Slack refusing the code exchange, the installation store failing. */
const OUR_FAILURE: Page = {
  status: 500,
  title: "The installation did not complete",
  text: "Slack did not finish installing kubecon-bot. Nothing was installed; please try again in a minute.",
};

/** True for a refused install the installer caused (see INSTALLERS_DOING): an info line, not an error. */
export function isInstallersDoing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && INSTALLERS_DOING.has(code);
}

/** Bolt's `callbackOptions.failure`: a short page, and a link back to the install page (all of it our own constant text). */
export function installFailurePage(installPath: string) {
  return (error: { code?: string }, _options: unknown, _req: IncomingMessage, res: ServerResponse): void => {
    const page = INSTALLERS_DOING.get(error.code ?? "") ?? OUR_FAILURE;
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${page.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;text-align:center}</style></head>
<body><h1>${page.title}</h1><p>${page.text}</p><p><a href="${installPath}">Add kubecon-bot to Slack</a></p></body></html>`;
    res.writeHead(page.status, { "content-type": "text/html; charset=utf-8" }).end(html);
  };
}
