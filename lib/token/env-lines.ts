// Pure line editing for KEY=value files: every other line and comment is kept byte for byte.
const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;

function parseEnvValue(raw: string): string {
  const value = raw.trim();
  const quoted = /^(['"])(.*?)\1\s*(#.*)?$/.exec(value);
  if (quoted) return quoted[2];
  // An unquoted value ends at an inline comment.
  return value.replace(/\s+#.*$/, "");
}

export function readEnvVar(text: string, name: string): string | undefined {
  let found: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (match && match[1] === name) found = parseEnvValue(match[2]);
  }
  return found; // the last assignment wins, as in dotenv files
}

/** Sets NAME=value: replaces the first assignment, drops later duplicates, else appends. */
export function setEnvVar(text: string, name: string, value: string): string {
  const lines = text === "" ? [] : text.split("\n");
  const out: string[] = [];
  let replaced = false;
  for (const line of lines) {
    const match = LINE.exec(line.replace(/\r$/, ""));
    if (match && match[1] === name) {
      if (!replaced) out.push(`${name}=${value}`);
      replaced = true;
      continue;
    }
    out.push(line);
  }
  if (!replaced) {
    if (out.length > 0 && out[out.length - 1] === "") out.splice(out.length - 1, 0, `${name}=${value}`);
    else out.push(`${name}=${value}`, "");
  }
  return out.join("\n");
}

export function removeEnvVar(text: string, name: string): string {
  return text
    .split("\n")
    .filter((line) => {
      const match = LINE.exec(line.replace(/\r$/, ""));
      return !(match && match[1] === name);
    })
    .join("\n");
}
