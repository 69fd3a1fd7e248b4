import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Playground } from "@/components/playground/playground";
import { PageHeader } from "@/components/ui/page-header";
import { MAX_REF_LENGTH } from "@/lib/openclaw-config/model-ref";
import { hasControlChars } from "@/lib/safe-json";
import { playgroundSettings } from "@/lib/server/chat/playground-settings";

export const metadata: Metadata = { title: "Playground" };

function modelFromQuery(value: string | string[] | undefined): string | undefined {
  const text = typeof value === "string" ? value.trim() : undefined;
  return text && text.length <= MAX_REF_LENGTH && !hasControlChars(text) ? text : undefined;
}

export default async function PlaygroundPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Read per request: the token and openclaw.json can change while the dashboard runs.
  await connection();
  const [settings, query] = await Promise.all([playgroundSettings(), searchParams]);
  return (
    <>
      <PageHeader
        title="Playground"
        description="Try models through the dashboard's server, with your own policies and fallbacks: who served the answer, how fast, and what it cost."
      />
      {!settings.hasToken ? (
        <div className="alert-warn mb-6" role="alert" data-testid="no-token">
          No Hugging Face token is set, so the playground cannot call the router.{" "}
          <Link className="link" href="/token">
            Add a token on the Token page
          </Link>
          .
        </div>
      ) : null}
      <Playground settings={settings} initialModel={modelFromQuery(query.model)} />
    </>
  );
}
