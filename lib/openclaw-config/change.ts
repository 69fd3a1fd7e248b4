// The change a client asks for (PATCH /api/config and the preview), validated before any edit.
import { z } from "zod";
import { aliasProblem } from "./aliases";
import { allowEntryProblem, refProblem, type ModelChange } from "./ref-rules";

export type { ModelChange };

const MAX_FALLBACKS = 20;
const MAX_ALLOW = 500;

export const refSchema = z.string().superRefine((ref, ctx) => {
  const problem = refProblem(ref);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const allowEntrySchema = z.string().superRefine((entry, ctx) => {
  const problem = allowEntryProblem(entry);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const aliasSchema = z.string().superRefine((alias, ctx) => {
  const problem = aliasProblem(alias);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const modelChangeSchema = z.strictObject({
  primary: refSchema.optional(),
  fallbacks: z
    .array(refSchema)
    .max(MAX_FALLBACKS, `At most ${MAX_FALLBACKS} fallbacks.`)
    .refine((list) => new Set(list).size === list.length, "A fallback is listed twice.")
    .optional(),
  /** ref → alias; "" removes the alias. Refs not named keep theirs. */
  aliases: z
    .record(refSchema, aliasSchema)
    .refine((map) => Object.keys(map).length <= MAX_ALLOW, "Too many aliases in one change.")
    .optional(),
  /** The full allowlist, written where the file keeps it (see ModelChange). */
  allow: z.array(allowEntrySchema).max(MAX_ALLOW, `At most ${MAX_ALLOW} allowed models.`).optional(),
});

// Fails to compile when the schema and the ModelChange interface drift apart.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemaMatchesType: Same<z.infer<typeof modelChangeSchema>, ModelChange> = true;
void schemaMatchesType;

export function isEmptyChange(change: ModelChange): boolean {
  return (
    change.primary === undefined &&
    change.fallbacks === undefined &&
    change.aliases === undefined &&
    change.allow === undefined
  );
}
