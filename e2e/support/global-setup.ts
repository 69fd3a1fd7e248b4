import { existsSync } from "node:fs";
import path from "node:path";

// The e2e suite runs against the production build (npm test builds first).
export default function globalSetup() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(process.cwd(), distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run \`npm run build\` first (npm test does).`);
  }
}
