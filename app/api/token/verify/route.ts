import { handle, json } from "@/lib/server/http";
import { verifyToken } from "@/lib/server/token/token-service";

export const dynamic = "force-dynamic";

/** Re-checks the token in effect with Hugging Face now; answers the new status. */
export const POST = handle(async () => json(await verifyToken()));
