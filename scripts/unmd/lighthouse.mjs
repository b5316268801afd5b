// Lighthouse over a list of URLs in one Chromium (run by unmd/lighthouse.py, which documents it).
// Arguments: one JSON object {urls, categories, formFactor, chromePath}. Prints one JSON line
// per URL: {url, scores: {category: score}, audits: {id: {score, mode, title, value, display}}}.
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

const { urls, categories, formFactor, chromePath } = JSON.parse(process.argv[2]);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const url of urls) {
    // No full-page screenshot: no audit scores it, and it is a tenth of the run.
    const flags = { port: chrome.port, onlyCategories: categories, logLevel: "error", output: "json",
      disableFullPageScreenshot: true };
    const config = formFactor === "desktop" ? desktopConfig : undefined;
    // A busy machine can time a DevTools call out once: such a page is run a second time.
    let { lhr } = await lighthouse(url, flags, config);
    if (lhr.runtimeError) ({ lhr } = await lighthouse(url, flags, config));
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(Object.values(lhr.categories).map((c) => [c.id, c.score]));
    const audits = Object.fromEntries(Object.values(lhr.audits).map((a) => [a.id, {
      score: a.score, mode: a.scoreDisplayMode, title: a.title,
      value: a.numericValue ?? null, display: a.displayValue ?? null,
    }]));
    process.stdout.write(JSON.stringify({ url, scores, audits }) + "\n");
  }
} finally {
  await chrome.kill();
}
