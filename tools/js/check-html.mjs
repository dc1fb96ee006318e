// Opens each HTML page given on the command line in the system's Chromium
// (through puppeteer-core), in the light and then the dark colour scheme:
// runs axe-core and fails on any violation, and takes a screenshot of the
// first screen (into the directory given with --screenshots), failing when
// it is blank; on a phone's width (375 pixels) the page must not scroll
// sideways, and laid out for print on A4 no table may be wider than the
// page. With --a4 DIR, each page is also printed on A4 into DIR, for
// check-html.sh to read with pdftotext.
// Usage: node check-html.mjs [--screenshots DIR] [--a4 DIR] page.html...
import { readFile, writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

const args = process.argv.slice(2);
const at = args.indexOf("--screenshots");
const shots = at >= 0 ? args.splice(at, 2)[1] : null;
const a4At = args.indexOf("--a4");
const a4 = a4At >= 0 ? args.splice(a4At, 2)[1] : null;
const pages = args;
if (pages.length === 0) {
  console.error("usage: check-html.mjs [--screenshots DIR] page.html...");
  process.exit(2);
}

const profile = await mkdtemp(path.join(tmpdir(), "readiness-chromium-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  userDataDir: profile,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

/** How many pixels of the screenshot differ from its top-left corner's colour. */
async function inked(png) {
  const page = await browser.newPage();
  try {
    await page.setContent("<canvas></canvas>");
    return await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.querySelector("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (
          pixels[i] !== pixels[0] ||
          pixels[i + 1] !== pixels[1] ||
          pixels[i + 2] !== pixels[2]
        ) {
          count += 1;
        }
      }
      return count / (pixels.length / 4);
    }, png.toString("base64"));
  } finally {
    await page.close();
  }
}

let failures = 0;
try {
  for (const file of pages) {
    for (const scheme of ["light", "dark"]) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      // Nothing outside the file may be fetched.
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        if (request.url().startsWith("file:") || request.url().startsWith("data:")) {
          request.continue();
        } else {
          console.error(`${file}: asks for ${request.url()}`);
          failures += 1;
          request.abort();
        }
      });
      await page.goto(`file://${path.resolve(file)}`, { waitUntil: "load" });
      const png = Buffer.from(await page.screenshot({ type: "png" }));
      if (shots) {
        const name = `${path.basename(file, ".html")}-${scheme}.png`;
        await writeFile(path.join(shots, name), png);
      }
      const share = await inked(png);
      if (share < 0.01) {
        console.error(`${file} (${scheme}): the first screen is blank`);
        failures += 1;
      }
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        axe.run(document, { resultTypes: ["violations"] }),
      );
      for (const v of result.violations) {
        failures += 1;
        console.error(`${file} (${scheme}): ${v.id}: ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) {
          console.error(`  ${node.target.join(" ")}: ${node.failureSummary.replace(/\n/g, " ")}`);
        }
      }
      await page.close();
    }
    const phone = await browser.newPage();
    await phone.setViewport({ width: 375, height: 800, isMobile: true });
    await phone.goto(`file://${path.resolve(file)}`, { waitUntil: "load" });
    const [scrollWidth, clientWidth] = await phone.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    if (scrollWidth > clientWidth) {
      console.error(`${file}: at 375 pixels the page scrolls sideways (${scrollWidth} wide)`);
      failures += 1;
    }
    // Printed, a table cannot scroll: laid out as for print on A4's
    // printable width (210 mm less the 14 mm margins), each must fit.
    const paper = await browser.newPage();
    await paper.setViewport({ width: Math.floor(((210 - 2 * 14) / 25.4) * 96), height: 1100 });
    await paper.emulateMediaType("print");
    await paper.goto(`file://${path.resolve(file)}`, { waitUntil: "load" });
    const cut = await paper.evaluate(() =>
      [...document.querySelectorAll(".table")]
        .filter((box) => box.scrollWidth > box.clientWidth + 1)
        .map((box) => `${box.getAttribute("aria-label")} (${box.scrollWidth} of ${box.clientWidth} pixels)`),
    );
    for (const table of cut) {
      console.error(`${file}: printed on A4, the table "${table}" is cut at the page's edge`);
      failures += 1;
    }
    await paper.close();
    if (a4) {
      await phone.pdf({
        path: path.join(a4, `${path.basename(file, ".html")}.pdf`),
        format: "A4",
        preferCSSPageSize: true,
      });
    }
    await phone.close();
  }
} finally {
  await browser.close();
  await rm(profile, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`${failures} problem(s) in the HTML pages`);
  process.exit(1);
}
console.log(
  `${pages.length} page(s): no axe-core violation in either colour scheme, no blank first screen, no sideways scrolling on a phone, every table within an A4 page`,
);
