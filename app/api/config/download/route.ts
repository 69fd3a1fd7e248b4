import { handle } from "@/lib/server/http";
import { configForDownload } from "@/lib/server/openclaw-config/backup-restore";

export const dynamic = "force-dynamic";

/** openclaw.json as an attachment, secrets masked. */
export const GET = handle(async () => {
  const text = await configForDownload();
  return new Response(text, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="openclaw.json"',
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
