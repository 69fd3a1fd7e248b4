import { handle, json } from "@/lib/server/http";
import { getConfigState } from "@/lib/server/openclaw-config/model-config";

export const dynamic = "force-dynamic";

/** The backups beside openclaw.json (.bak newest … .bak.4 oldest). */
export const GET = handle(async () => {
  const state = await getConfigState();
  return json({
    revision: state.revision,
    backups: state.backups.map((b) => ({ name: b.name, mtime: b.mtime, size: b.size })),
  });
});
