// Parses every Mermaid block of the Markdown files given, with the mermaid
// package GitHub's renderer uses; exits 1 naming each block that does not parse.
import { JSDOM } from 'jsdom';
import fs from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import('mermaid');

let failed = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const blocks = text.split('```mermaid\n').slice(1).map((rest) => rest.split('\n```')[0]);
  for (const [index, block] of blocks.entries()) {
    checked += 1;
    try {
      await mermaid.parse(block);
    } catch (error) {
      failed += 1;
      const message = String(error.message || error).split('\n').slice(0, 3).join(' | ');
      console.error(`${file}: chart ${index + 1} does not parse: ${message}`);
    }
  }
}
console.log(`mermaid: ${checked} charts parsed, ${failed} failed`);
process.exit(failed === 0 && checked > 0 ? 0 : 1);
