#!/usr/bin/env node
// npm test needs a system Chromium: Playwright cannot download its own browsers here.
import { accessSync, constants } from "node:fs";

const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium";
try {
  accessSync(chromium, constants.X_OK);
} catch {
  console.error(
    `Chromium not found at ${chromium}: install it with \`apt-get install -y chromium\` (or set PLAYWRIGHT_CHROMIUM_PATH).`,
  );
  process.exit(1);
}
