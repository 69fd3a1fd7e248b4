// Runs the fake on its own: npx tsx e2e/fake-hf/cli.ts [--port N] [--catalog-size N] [--host H]
// Prints FAKE_HF_URL=… once listening; script it through /__control/* and stop it with SIGTERM.
import { startFakeHf } from "./server";

function parseArgs(argv: string[]): { port?: number; catalogSize?: number; host?: string } {
  const out: { port?: number; catalogSize?: number; host?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split("=", 2);
    const value = inline ?? argv[++i] ?? "";
    const number = Number(value);
    if (flag === "--host" && value !== "") out.host = value;
    else if (flag === "--port" && Number.isInteger(number) && number >= 0) out.port = number;
    else if (flag === "--catalog-size" && Number.isInteger(number) && number >= 0) out.catalogSize = number;
    else throw new Error(`fake-hf: bad argument ${arg} ${inline === undefined ? value : ""}`.trim());
  }
  return out;
}

async function main(): Promise<void> {
  const fake = await startFakeHf(parseArgs(process.argv.slice(2)));
  process.stdout.write(`FAKE_HF_URL=${fake.url}\n`);
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
