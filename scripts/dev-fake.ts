// `npm run dev:fake`: the dashboard (next dev) wired to the fake Hugging Face service, so the whole
// app can be clicked through offline. State goes to a throwaway folder unless OPENCLAW_STATE_DIR is set.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeHf } from "../e2e/fake-hf/server";

async function main() {
  const fake = await startFakeHf({ port: Number(process.env.FAKE_HF_PORT ?? 0) });
  const stateDir = process.env.OPENCLAW_STATE_DIR ?? path.join(os.tmpdir(), "hfpd-dev-state");
  mkdirSync(stateDir, { recursive: true });
  const port = process.env.PORT ?? "3000";
  console.log(`Fake Hugging Face service: ${fake.url} (router ${fake.routerUrl})`);
  console.log(`State directory: ${stateDir}`);
  console.log(
    `Dashboard: http://localhost:${port}  — try the token hf_FakeValidToken1234 (or one containing "invalid", "fgnoinference", "slowhub")`,
  );
  const next = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "--hostname", "localhost", "--port", port],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        NEXT_DIST_DIR: ".next-dev",
        NEXT_TELEMETRY_DISABLED: "1",
        OPENCLAW_STATE_DIR: stateDir,
        HF_ROUTER_URL: fake.routerUrl,
        HF_ENDPOINT: fake.url,
      },
    },
  );
  const stop = async () => {
    next.kill("SIGTERM");
    await fake.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", (code) => void fake.close().then(() => process.exit(code ?? 0)));
}

void main();
