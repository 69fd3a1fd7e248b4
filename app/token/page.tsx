import type { Metadata } from "next";
import { TokenPanel } from "@/components/token/token-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getTokenStatus } from "@/lib/server/token/token-service";

export const metadata: Metadata = { title: "Token" };
export const dynamic = "force-dynamic";

// The status is read on the server (env, .env and the check cache; never the network), so the
// page paints at once; a due check runs in the background and the panel polls until it lands.
export default async function TokenPage() {
  const initial = await getTokenStatus();
  return (
    <>
      <PageHeader
        title="Token"
        description="Paste a Hugging Face token; the dashboard keeps it on the server and shows only its last characters."
      />
      <TokenPanel initial={initial} />
    </>
  );
}
