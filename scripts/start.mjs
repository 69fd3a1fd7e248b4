#!/usr/bin/env node
// `npm start`: refuse unsafe exposure, build when the sources are newer than the build, then serve.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const host = process.env.HOST?.trim() || "127.0.0.1";
const port = process.env.PORT?.trim() || "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

// Beyond loopback the dashboard can change files and spend the user's credits, so it needs a
// sign-in secret; the proxy then asks every request for a session (see lib/access/session-cookie.ts).
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;
const MIN_SECRET = 16; // lib/access/session-cookie.ts MIN_DASHBOARD_TOKEN_LENGTH
const secret = process.env.DASHBOARD_TOKEN ?? "";
if (!LOOPBACK.test(host) && !secret) {
  console.error(
    `Refusing to listen on ${host}: that address is reachable from other machines, and DASHBOARD_TOKEN is not set.\n` +
      `Either set DASHBOARD_TOKEN to a long random secret (for example: DASHBOARD_TOKEN=$(openssl rand -hex 24)) and sign in with it,\n` +
      `or listen on this machine only with HOST=127.0.0.1 (the default).`,
  );
  process.exit(1);
}
if (secret && secret.length < MIN_SECRET) {
  console.error(
    `Refusing to start: DASHBOARD_TOKEN is shorter than ${MIN_SECRET} characters. Use a long random secret, for example: openssl rand -hex 24`,
  );
  process.exit(1);
}

function newestSourceMtime() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "public"])
    if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["package.json", "next.config.ts", "proxy.ts", "postcss.config.mjs", "tsconfig.json"]) {
    if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}

// DASHBOARD_SKIP_BUILD=1 serves the existing build as it is (the e2e suite builds once, first,
// and must not rebuild under running tests when a source file is touched meanwhile).
const buildId = path.join(root, distDir, "BUILD_ID");
const skipBuild = process.env.DASHBOARD_SKIP_BUILD === "1";
if (skipBuild && !existsSync(buildId)) {
  console.error(`DASHBOARD_SKIP_BUILD=1 but there is no build in ${distDir}: run \`npm run build\` first.`);
  process.exit(1);
}
if (!skipBuild && (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceMtime())) {
  console.log("Building the dashboard (first start or sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [nextBin, "start", "--hostname", host, "--port", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
