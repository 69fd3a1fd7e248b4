// Vitest runs server modules directly in Node; "server-only" only guards the browser bundle.
export {};
