// How the Overview and Config pages say OpenClaw's verdict: who judged, and what it means for the
// agent now, given the Gateway's state (openclaw-gateway.md §2: an invalid file is skipped by the
// running Gateway, which keeps the last accepted config; a start with it fails).
import type { ConfigValidation, GatewayInfo } from "./api-types";

function judge(v: ConfigValidation): string {
  const version = v.openclawVersion ? `OpenClaw ${v.openclawVersion}` : "OpenClaw";
  if (v.by === "gateway") return `${version} (the running Gateway)`;
  if (v.by === "openclaw-cli") return `${version} (openclaw config validate)`;
  return "The dashboard's own copy of OpenClaw's schema";
}

export function verdictHeadline(v: ConfigValidation): string {
  if (v.checking)
    return `${v.openclawVersion ? `OpenClaw ${v.openclawVersion}` : "OpenClaw"} is checking this file… Meanwhile the dashboard's own schema ${v.valid ? "finds no problem" : `finds ${v.issues.length} problem${v.issues.length === 1 ? "" : "s"}`}.`;
  if (v.by === "dashboard-schema")
    return v.valid
      ? "The dashboard's own copy of OpenClaw's schema finds no problem in the parts it writes. The rest of the file is not checked: install OpenClaw (or set OPENCLAW_BIN) for OpenClaw's own verdict."
      : `The dashboard's own copy of OpenClaw's schema refuses this file (${v.issues.length} problem${v.issues.length === 1 ? "" : "s"}). Install OpenClaw (or set OPENCLAW_BIN) for OpenClaw's own verdict on the whole file.`;
  return v.valid
    ? `${judge(v)} accepts this file.`
    : `${judge(v)} refuses this file: ${v.issues.length} problem${v.issues.length === 1 ? "" : "s"}.`;
}

export function verdictMeaning(v: ConfigValidation, gateway: GatewayInfo | undefined): string {
  const running = gateway?.state === "running";
  if (!v.valid) {
    return running
      ? "The Gateway keeps running the last accepted config and ignores this file until it is fixed; it also refuses changes sent through it. The next start will fail."
      : "The next start will fail: OpenClaw does not start with a config it refuses.";
  }
  if (v.checking) return "";
  if (!running) return "OpenClaw will use it when the Gateway starts.";
  if (gateway?.applied) return "The running Gateway uses it now.";
  return "The running Gateway does not run it yet (it waits for a restart).";
}
