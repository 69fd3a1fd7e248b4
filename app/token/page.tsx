import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Token" };

export default function TokenPage() {
  return <PageHeader title="Token" description="Paste a Hugging Face token; the dashboard keeps it on the server." />;
}
