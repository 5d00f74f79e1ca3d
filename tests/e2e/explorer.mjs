// Drives Debian's chromium through the explorer like an analyst would, against a running
// `diplograph serve` on the seeds store: search 普京, open the entity page and find a visit with its
// evidence sentence, open its document, open the dossier 中国–哈萨克斯坦 through its form, run a
// named query from the query page and find a row in the HTML table, open the graph view and wait
// until its nodes are drawn. A PNG screenshot of each page goes to the screenshot directory.
//
// Usage: node explorer.mjs BASE_URL SCREENSHOT_DIR   (tests/it/explorer.rs runs it)
// Every request outside BASE_URL is refused and fails the run: the pages must need no network.

import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node explorer.mjs BASE_URL SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "diplograph-e2e-"));
const outside = [];
const errors = [];
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1280, height: 900 },
  locale: "zh-CN",
});

function check(condition, message) {
  if (!condition) { throw new Error(message); }
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, name), fullPage: false });
  console.log(`screenshot ${name}: ${page.url()}`);
}

try {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) { return route.continue(); }
    outside.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(30000);
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") { errors.push(`${page.url()}: console: ${m.text()}`); } });

  // Search: type 普京 in the box and submit.
  await page.goto(base + "/");
  await page.locator("form.big-search input[name=q]").fill("普京");
  await Promise.all([page.waitForURL(/\/search\?q=/), page.locator("form.big-search button").click()]);
  const hit = page.locator("table.hits a", { hasText: "普京" }).first();
  check(await hit.count() === 1, "the search lists 普京");
  await shot(page, "01-search.png");

  // Entity page: a visit with its evidence sentence, the mentions highlighted.
  await Promise.all([page.waitForURL(/\/id\/leader\//), hit.click()]);
  const visit = page.locator("article.fact.f-visit").first();
  await visit.waitFor();
  const evidence = (await visit.locator("blockquote.evidence").innerText()).trim();
  check(evidence.includes("普京") && evidence.includes("访问"), `a visit with its evidence sentence: ${evidence}`);
  check(await visit.locator("blockquote.evidence a.mention").count() >= 2, "the evidence has its mentions highlighted");
  console.log(`visit evidence: ${evidence}`);
  await shot(page, "02-entity.png");

  // Its document: the text with every mention highlighted and linked.
  await Promise.all([page.waitForURL(/\/id\/doc\//), visit.locator("p.source a").click()]);
  const mentions = await page.locator("div.text a.mention").count();
  await page.locator("h2", { hasText: "Text" }).scrollIntoViewIfNeeded();
  check(mentions > 10, `the document text has its mentions highlighted (${mentions})`);
  await shot(page, "03-document.png");

  // Pair dossier, through its form.
  await Promise.all([page.waitForURL(/\/dossier/), page.locator("header nav a[href='/dossier']").click()]);
  await page.locator("form.dossier input[name=a]").fill("中国");
  await page.locator("form.dossier input[name=b]").fill("哈萨克斯坦");
  await Promise.all([page.waitForURL(/\/dossier\?a=/), page.locator("form.dossier button").click()]);
  const entries = await page.locator("table.dossier tbody tr").count();
  check(entries > 0, "the dossier 中国–哈萨克斯坦 has entries");
  check(await page.locator("table.dossier tbody tr.dk-visit").count() > 0, "the dossier has a visit");
  console.log(`dossier entries: ${entries}`);
  await shot(page, "04-dossier.png");

  // Query page: load the named query `visits`, run it, find a row in the table.
  await Promise.all([page.waitForURL(/\/query/), page.locator("header nav a[href='/query']").click()]);
  await Promise.all([page.waitForURL(/example=visits/), page.locator("aside.examples a", { hasText: /^visits$/ }).click()]);
  check((await page.locator("textarea[name=query]").inputValue()).includes("dg:Visit"), "the example is in the editor");
  await Promise.all([page.waitForLoadState("load"), page.waitForURL(/\/query$/), page.locator("form.query button").click()]);
  const rows = await page.locator("table.results tbody tr").count();
  check(rows > 0, "the named query gives rows in an HTML table");
  console.log(`query rows: ${rows}`);
  await shot(page, "05-query.png");

  // Graph view: from the entity page's link, wait until the nodes are drawn.
  await page.goto(base + "/search?q=" + encodeURIComponent("普京"));
  await Promise.all([page.waitForURL(/\/id\/leader\//), page.locator("table.hits a", { hasText: "普京" }).first().click()]);
  await Promise.all([page.waitForURL(/\/graph\?/), page.locator("p.actions a[href^='/graph']").click()]);
  await page.locator("#cy[data-drawn-nodes]").waitFor({ state: "attached" });
  const drawn = Number(await page.locator("#cy").getAttribute("data-drawn-nodes"));
  check(drawn > 1, `the graph view drew its nodes (${drawn})`);
  check(await page.locator("#cy canvas").count() > 0, "the graph is drawn on a canvas");
  console.log(`graph nodes drawn at depth 1: ${drawn}`);
  // Two hops, through the form.
  await page.locator("form.graph select[name=depth]").selectOption("2");
  await Promise.all([page.waitForURL(/depth=2/), page.locator("form.graph button").click()]);
  await page.locator("#cy[data-drawn-nodes]").waitFor({ state: "attached" });
  const drawn2 = Number(await page.locator("#cy").getAttribute("data-drawn-nodes"));
  check(drawn2 > drawn, `depth 2 draws more nodes (${drawn2})`);
  console.log(`graph nodes drawn at depth 2: ${drawn2}`);
  await page.locator("#cy").scrollIntoViewIfNeeded();
  await shot(page, "06-graph.png");

  check(outside.length === 0, `requests left the server: ${outside.join(", ")}`);
  check(errors.length === 0, `the pages reported errors: ${errors.join("; ")}`);
  console.log("explorer e2e: 1 passed, 0 failed");
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
