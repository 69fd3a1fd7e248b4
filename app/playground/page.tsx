import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Playground" };

export default function PlaygroundPage() {
  return <PageHeader title="Playground" description="Try models through the dashboard's server." />;
}
