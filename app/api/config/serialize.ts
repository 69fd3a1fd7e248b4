import type { ConfigPreviewBody, ConfigSaveBody, ConfigStateBody } from "@/lib/openclaw-config/api-types";
import type { ConfigPreview, ConfigState, SaveOutcome } from "@/lib/server/openclaw-config/model-config";

// Explicit shapes for what leaves the server (the state never carries anything else).
export function serializeState(s: ConfigState): ConfigStateBody {
  return {
    path: s.path,
    exists: s.exists,
    revision: s.revision,
    text: s.text,
    data: s.data,
    problem: s.problem && { message: s.problem.message, line: s.problem.line, column: s.problem.column },
    settings: {
      primary: s.settings.primary,
      fallbacks: s.settings.fallbacks,
      aliases: s.settings.aliases,
      allow: s.settings.allow,
      allowlistPath: s.settings.allowlistPath,
      modelEntries: s.settings.modelEntries,
      hasAuthProfile: s.settings.hasAuthProfile,
      baseUrl: s.settings.baseUrl,
      discoveryEnabled: s.settings.discoveryEnabled,
    },
    warnings: s.warnings.map((w) => ({ kind: w.kind, ref: w.ref, message: w.message })),
    warningsCatalog: s.warningsCatalog,
    backups: s.backups.map((b) => ({ name: b.name, mtime: b.mtime, size: b.size })),
    gateway: {
      state: s.gateway.state,
      ...(s.gateway.applied === undefined ? {} : { applied: s.gateway.applied }),
      ...(s.gateway.requiresRestart === undefined ? {} : { requiresRestart: s.gateway.requiresRestart }),
      ...(s.gateway.message ? { message: s.gateway.message } : {}),
    },
  };
}

/** A save's or a restore's answer: the state plus who applied it. */
export function serializeSave(o: SaveOutcome): ConfigSaveBody {
  return {
    ...serializeState(o.state),
    appliedBy: o.appliedBy,
    applied: o.applied,
    requiresRestart: o.requiresRestart,
  };
}

export function serializePreview(p: ConfigPreview): ConfigPreviewBody {
  return { revision: p.revision, diff: p.diff, issues: p.issues.map((i) => ({ path: i.path, message: i.message })) };
}
