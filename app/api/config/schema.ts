import { z } from "zod";
import { AppError } from "@/lib/errors";

export { modelChangeSchema as patchConfigSchema } from "@/lib/openclaw-config/change";

export const CONFIG_BODY_LIMIT = 64 * 1024;

const revisionSchema = z.string().regex(/^[A-Za-z0-9.-]{1,80}$/);

/** The revision from `If-Match` (quoted like an ETag or bare); 428 when missing. */
export function requireRevision(request: Request): string {
  const raw = request.headers.get("if-match");
  if (!raw)
    throw new AppError(
      "precondition_required",
      "Send the revision you loaded in an If-Match header, so a change made meanwhile is not overwritten.",
    );
  const parsed = revisionSchema.safeParse(
    raw
      .trim()
      .replace(/^W\//, "")
      .replace(/^"(.*)"$/, "$1"),
  );
  if (!parsed.success) throw new AppError("invalid_body", "If-Match must be a revision returned by GET /api/config.");
  return parsed.data;
}
