import type {
  ConfigPreviewBody,
  ConfigSaveBody,
  ConfigStateBody,
  ConfigTextPreviewBody,
  ConfigValidation,
  ValidationIssue,
} from "@/lib/openclaw-config/api-types";
import type { ConfigTextPreview } from "@/lib/server/openclaw-config/config-text";
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
    validation: serializeValidation(s.validation),
    repairs: s.repairs.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: r.label,
      message: r.message,
      path: r.path,
      ...(r.warnings ? { warnings: r.warnings.map((w) => ({ kind: w.kind, ref: w.ref, alias: w.alias })) } : {}),
    })),
    doctor: s.doctor && {
      ...(s.doctor.checking ? { checking: true } : {}),
      ...(s.doctor.failed ? { failed: true } : {}),
      findings: s.doctor.findings.map((f) => ({
        checkId: f.checkId,
        severity: f.severity,
        message: f.message,
        ...(f.path ? { path: f.path } : {}),
        ...(f.fixHint ? { fixHint: f.fixHint } : {}),
      })),
    },
  };
}

function serializeIssues(issues: ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => ({
    path: i.path,
    message: i.message,
    ...(i.fix ? { fix: { id: i.fix.id, label: i.fix.label } } : {}),
  }));
}

function serializeValidation(v: ConfigValidation): ConfigValidation {
  return {
    by: v.by,
    valid: v.valid,
    ...(v.checking ? { checking: true } : {}),
    issues: serializeIssues(v.issues),
    ...(v.openclawVersion ? { openclawVersion: v.openclawVersion } : {}),
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
  return {
    revision: p.revision,
    ...(p.reformats ? { reformats: true } : {}),
    diff: p.diff,
    issues: serializeIssues(p.issues),
  };
}

export function serializeTextPreview(p: ConfigTextPreview): ConfigTextPreviewBody {
  return {
    revision: p.revision,
    diff: p.diff,
    validation: serializeValidation(p.validation),
    issues: serializeIssues(p.issues),
    ...(p.problem ? { problem: { message: p.problem.message, line: p.problem.line, column: p.problem.column } } : {}),
    ...(p.reformats ? { reformats: true } : {}),
    keptSecrets: p.keptSecrets,
    ...(p.metaKept ? { metaKept: true } : {}),
    ...(p.gatewayJudgesSave ? { gatewayJudgesSave: true } : {}),
  };
}
