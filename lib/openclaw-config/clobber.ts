// OpenClaw's clobber checks (2026.9.6, io.snapshot-*.mjs), as pure functions: a write OpenClaw makes
// is refused when it removes gateway.mode or shrinks a file of 512 bytes or more below half; at the
// next Gateway start, a file that looks like that against the last-known-good one (or has lost its
// `meta`) is moved aside as openclaw.json.clobbered.<ts> and the .bak restored. The dashboard runs
// the same checks before writing the file itself, so the next start keeps what it wrote.

export interface ConfigFingerprint {
  bytes: number;
  hasMeta: boolean;
  gatewayMode: string | null;
}

export type ClobberReason =
  | { kind: "size-drop"; from: number; to: number; against: "current" | "last-good" }
  | { kind: "gateway-mode-removed"; mode: string; against: "current" | "last-good" };

const SIZE_BASELINE = 512;

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function fingerprintOf(text: string, data: Record<string, unknown> | null): ConfigFingerprint {
  const mode = record(data?.gateway)?.mode;
  return {
    bytes: Buffer.byteLength(text, "utf8"),
    hasMeta: record(data?.meta) !== undefined,
    gatewayMode: typeof mode === "string" && mode.trim() !== "" ? mode : null,
  };
}

/** Why OpenClaw would take `next` for a clobber of `baseline` (empty: it would not). */
export function clobberReasons(
  baseline: ConfigFingerprint,
  next: ConfigFingerprint,
  against: "current" | "last-good",
): ClobberReason[] {
  const reasons: ClobberReason[] = [];
  if (baseline.bytes >= SIZE_BASELINE && next.bytes < Math.floor(baseline.bytes * 0.5))
    reasons.push({ kind: "size-drop", from: baseline.bytes, to: next.bytes, against });
  if (baseline.gatewayMode && !next.gatewayMode)
    reasons.push({ kind: "gateway-mode-removed", mode: baseline.gatewayMode, against });
  return reasons;
}

/** The refusal, said plainly. */
export function describeClobber(reasons: ClobberReason[]): string {
  const parts = reasons.map((r) => {
    const which =
      r.against === "current" ? "the current file" : "OpenClaw's last-known-good copy (openclaw.json.last-good)";
    return r.kind === "size-drop"
      ? `it would shrink the file from ${r.from} to ${r.to} bytes, below half of ${which}`
      : `it would remove gateway.mode ("${r.mode}"), which ${which} has`;
  });
  return `Not written: ${parts.join("; and ")}. OpenClaw refuses such a write as a clobber, and at its next start would put the file aside (openclaw.json.clobbered.*) and restore the backup. Make the change in smaller steps: one save may at most halve the file.`;
}
