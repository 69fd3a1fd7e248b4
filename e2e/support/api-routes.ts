import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Every API route, read from app/api/**/route.ts, so a new route cannot be left out of the
// hostile-input checks: what each handler reads is taken from its own source.
export interface ApiRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  readsJsonBody: boolean;
  readsIfMatch: boolean;
}

const API_DIR = path.join(process.cwd(), "app", "api");
const HANDLER = /^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm;

// Synchronous, so specs can build their test lists at load time.
function routeFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === "route.ts") found.push(full);
  }
  return found;
}

export function apiRoutes(): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const file of routeFiles(API_DIR)) {
    const source = readFileSync(file, "utf8");
    const urlPath = `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
    const starts = [...source.matchAll(HANDLER)];
    if (starts.length === 0) throw new Error(`${urlPath}: no handler found; export it as \`export const GET = …\``);
    starts.forEach((match, i) => {
      const body = source.slice(match.index, starts[i + 1]?.index ?? source.length);
      routes.push({
        method: match[1] as ApiRoute["method"],
        path: urlPath,
        readsJsonBody: body.includes("readJsonBody("),
        readsIfMatch: body.includes("readIfMatch("),
      });
    });
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
