"use client";
import { RouteError } from "@/components/ui/route-error";

export default function ModelsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError
      title="Models"
      message="The Models page failed to load. Check that the state folder is readable."
      reset={reset}
    />
  );
}
