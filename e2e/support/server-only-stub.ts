import { createRequire } from "node:module";
import path from "node:path";

// Specs run lib/server modules in plain Node, where "server-only" throws (it only passes under React's
// "react-server" condition, which Next sets for server code). Import this first: it puts an empty module in
// the require cache, as lib/testing/server-only-stub.ts does for Vitest.
const require = createRequire(path.join(process.cwd(), "package.json"));
const id = require.resolve("server-only");
require.cache[id] = { id, filename: id, loaded: true, exports: {} } as NodeJS.Module;
