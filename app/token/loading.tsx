import { PageHeader } from "@/components/ui/page-header";

export default function TokenLoading() {
  return (
    <>
      <PageHeader title="Token" description="Loading the token status…" />
      <div className="grid gap-6 lg:grid-cols-2" aria-busy="true">
        <div className="card h-64 animate-pulse" />
        <div className="card h-64 animate-pulse" />
      </div>
    </>
  );
}
