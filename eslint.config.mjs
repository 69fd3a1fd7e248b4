import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next*/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // Playwright fixtures take a `use` callback that is not React's hook.
    files: ["e2e/**/*.ts", "bench/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The browser must never load code that can see the token.
    files: ["components/**/*.{ts,tsx}", "lib/!(server)/**/*.{ts,tsx}", "lib/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/server/**", "**/lib/server/**", "../server/*", "./server/*"],
              message: "Client and shared code must not import lib/server (it can see the token).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
